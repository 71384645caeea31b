using System;
using System.Collections.Generic;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;
using Hl7.Fhir.Validation;

namespace Sarcoma.Consensus.Fhir.Input;

/// <summary>
/// Firely's <see cref="FhirAttributeValidator"/> without the one check whose only outcome <see cref="FhirJson"/> drops: the
/// literal of a string-valued primitive (<c>string</c>, <c>uri</c> and its kinds, <c>id</c>, <c>code</c> without a value
/// set, <c>markdown</c>, <c>dateTime</c>, <c>date</c>, <c>instant</c>, <c>time</c>) held as a JSON string. For these types
/// that check can only report <c>PVAL124</c> (a literal that is not valid for its type), which <see cref="FhirJson"/>
/// tolerates (the mapper rejects such a value where it reads it), and it was the costliest part of Firely's validation (a
/// <see cref="Uri"/> built for every <c>uri</c>, a parse of every date). Every other check runs as Firely runs it: unknown and
/// wrongly cased elements, cardinality, choice types, JSON types (a number where a string is due is still <c>PVAL123</c>),
/// empty elements, codes of a required value set (<c>Bundle.type</c>), integers, base64, narrative.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal sealed class TolerantLiteralValidator : FhirAttributeValidator
{
    /// <summary>The instance.</summary>
    public static readonly TolerantLiteralValidator Instance = new();

    private TolerantLiteralValidator()
    {
    }

    /// <inheritdoc/>
    public override IReadOnlyCollection<CodedValidationException> ValidateObject(Base instance, ClassMapping classMapping, PocoValidationContext context)
    {
        // A primitive with a value has no mandatory elements, and its invariants are only the literal check; its class's
        // validation attributes (none on these types in R4) still run.
        if (instance is PrimitiveType { JsonValue: string } && IsStringLiteralType(instance))
        {
            return Attributes(instance, classMapping, context);
        }

        return base.ValidateObject(instance, classMapping, context);
    }

    // Exactly the types whose literal check on a JSON string reports PVAL124 or nothing (Firely 6.8's ValidateObjectValue):
    // not Code<T> (a required value set: PVAL116, which FhirJson does not tolerate on Bundle.type), not base64Binary
    // (PVAL120), not xhtml (narrative), not the numeric and boolean types (a JSON string there is PVAL123).
    private static bool IsStringLiteralType(Base instance) =>
        instance.GetType() == typeof(FhirString) || instance.GetType() == typeof(FhirUri) || instance.GetType() == typeof(FhirUrl) ||
        instance.GetType() == typeof(Canonical) || instance.GetType() == typeof(Oid) || instance.GetType() == typeof(Uuid) ||
        instance.GetType() == typeof(Id) || instance.GetType() == typeof(Code) || instance.GetType() == typeof(Markdown) ||
        instance.GetType() == typeof(FhirDateTime) || instance.GetType() == typeof(Date) || instance.GetType() == typeof(Instant) ||
        instance.GetType() == typeof(Time);

    private static IReadOnlyCollection<CodedValidationException> Attributes(Base instance, ClassMapping classMapping, PocoValidationContext context)
    {
        var attributes = classMapping.ValidationAttributes;
        if (attributes.Length == 0)
        {
            return Array.Empty<CodedValidationException>();
        }

        List<CodedValidationException>? errors = null;
        foreach (var attribute in attributes)
        {
            var found = attribute.Validate(instance, context);
            if (found.Count > 0)
            {
                (errors ??= new List<CodedValidationException>()).AddRange(found);
            }
        }

        return (IReadOnlyCollection<CodedValidationException>?)errors ?? Array.Empty<CodedValidationException>();
    }
}
