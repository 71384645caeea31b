using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Reflection;
using CsCheck;
using Sarcoma.Consensus.Json;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.PropertyTests;

/// <summary>
/// No public type of the shipped packages exposes a mutable collection: not by its declared types (no array, list,
/// set or dictionary), and not at run time (no array or writable list behind an <see cref="IReadOnlyList{T}"/>),
/// checked on generated patients and their reports.
/// </summary>
public sealed class ImmutabilityInvariants
{
    private static readonly Assembly[] Shipped =
    {
        typeof(ConsensusEngine).Assembly, typeof(PatientJson).Assembly, typeof(SarcomaConsensusServiceCollectionExtensions).Assembly,
    };

    // Options classes are mutable on purpose (the options pattern) and hold no collections; builders are documented as mutable.
    private static readonly Type[] MutableByDesign = { typeof(ConsensusOptions), typeof(PatientBuilder), typeof(LesionBuilder) };

    public static TheoryData<string> PublicMembers()
    {
        var data = new TheoryData<string>();
        foreach (var type in Shipped.SelectMany(a => a.GetExportedTypes()).Where(t => !MutableByDesign.Contains(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicMembers))]
    public void No_public_property_or_field_is_declared_as_a_mutable_collection(string typeName)
    {
        var type = Shipped.Select(a => a.GetType(typeName)).First(t => t is not null)!;
        const BindingFlags everyPublic = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var members = type.GetProperties(everyPublic).Select(p => (p.Name, p.PropertyType))
            .Concat(type.GetFields(everyPublic).Select(f => (f.Name, f.FieldType)));

        foreach (var (name, memberType) in members)
        {
            Assert.False(IsMutableCollectionType(memberType), $"{type.Name}.{name} is declared as {memberType.Name}, a collection a caller could change.");
        }
    }

    [Fact]
    public void No_generated_patient_or_report_holds_an_array_or_writable_list_behind_a_read_only_type()
    {
        Action<Patient, NodaTime.LocalDate> check = (patient, asOf) =>
        {
            AssertNoWritableCollection(patient, "patient");
            if (ReportChecks.EvaluateOrReject(patient, asOf) is { } report)
            {
                AssertNoWritableCollection(report, "report");
            }
        };

        PatientGenerators.Initialised.Sample(check, iter: Math.Min(FuzzSettings.Patients, 300), seed: FuzzSettings.Seed, print: PatientProperties.Print);
        AssertNoWritableCollection(ConsensusEngine.Default.Evaluators, "engine.Evaluators");
        AssertNoWritableCollection(Catalog.RecommendationCatalog.All, "catalog");
    }

    private static bool IsMutableCollectionType(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return false;
        }

        var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : null;
        if (generic == typeof(IReadOnlyList<>) || generic == typeof(IReadOnlyCollection<>) || generic == typeof(IEnumerable<>)
            || generic == typeof(IReadOnlyDictionary<,>) || generic == typeof(ReadOnlyCollection<>))
        {
            return false;
        }

        // A sealed type that offers no way to change it (no IList, IDictionary, ICollection<T>) is an immutable collection
        // of its own, such as Wording.MessageArguments.
        if (type.IsSealed && !type.GetInterfaces().Any(i => i == typeof(IList) || i == typeof(IDictionary)
            || (i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>))))
        {
            return false;
        }

        // Anything else that can be enumerated (List<T>, IList<T>, ICollection<T>, ISet<T>, dictionaries) can be changed.
        return true;
    }

    // Walks the public properties of an object graph; every collection met must refuse changes.
    private static void AssertNoWritableCollection(object root, string path)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(object Value, string Path, int Depth)>();
        pending.Push((root, path, 0));
        while (pending.Count > 0)
        {
            var (value, at, depth) = pending.Pop();
            var type = value.GetType();
            if (depth > 12 || type.IsPrimitive || type.IsEnum || value is string or decimal || type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true || !seen.Add(value))
            {
                continue;
            }

            if (value is IEnumerable items)
            {
                ReportChecks.Require(!type.IsArray, $"{at} is an array a caller can cast and write");
                if (value is IList list)
                {
                    ReportChecks.Require(list.IsReadOnly, $"{at} is a list a caller can change");
                }

                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && index < 40)
                    {
                        pending.Push((item, $"{at}[{index}]", depth + 1));
                    }

                    index++;
                }

                continue;
            }

            if (type.Assembly != typeof(ConsensusEngine).Assembly)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                if (property.GetValue(value) is { } child)
                {
                    pending.Push((child, at + "." + property.Name, depth + 1));
                }
            }
        }
    }
}
