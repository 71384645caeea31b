using System;
using System.Collections.Generic;
using System.Linq;
using Hl7.Fhir.Model;
using Sarcoma.Consensus.Fhir.Input;
using Sarcoma.Consensus.Model;

namespace Sarcoma.Consensus.Fhir.Mapping;

/// <summary>Options of the <see cref="McodeMapper"/>.</summary>
/// <remarks>Immutable once constructed; thread-safe.</remarks>
public sealed class McodeMapperOptions
{
    /// <summary>Gets the histology mapping: the built-in rules (<c>docs/histology.md</c>) plus any entries the integrator added. Default: <see cref="HistologyMap.Default"/>.</summary>
    public HistologyMap HistologyMap { get; init; } = HistologyMap.Default;

    /// <summary>
    /// Gets the evaluation date, when known: a date the mapper reads (a Condition's onset, an Observation's effective
    /// date, a Procedure's performed date, a medication's dates) after it is an input error naming the element, and the
    /// mapped patient is checked against it as <see cref="PatientValidator.Validate(Model.Patient, NodaTime.LocalDate?)"/>
    /// does. Default <see langword="null"/>: dates are checked only against the plausible range (1950-01-01 to
    /// 2099-12-31) and the Patient's <c>birthDate</c>. The mapper never reads a clock.
    /// </summary>
    public NodaTime.LocalDate? AsOf { get; init; }
}

/// <summary>
/// Maps one patient's FHIR R4 data — a Bundle of any type, or resources — to the consensus <see cref="Model.Patient"/>
/// and a <see cref="MappingReport"/>. Resources are recognised by their codes as well as by their mCODE profiles
/// (current and earlier mCODE releases, and IGs derived from mCODE), because many EHRs declare no profile.
/// </summary>
/// <remarks>
/// <para>
/// Never invents a negative: a fact is set to <see langword="false"/> only where the record says so (a refuted
/// SecondaryCancerCondition of the peritoneum is "no peritoneal sarcomatosis"; a stopped medication is "not on it");
/// the absence of a resource leaves the fact unknown, and the report says why. Which structures and codes are read,
/// with their sources, is in <c>docs/fhir.md</c>.
/// </para>
/// <para>Stateless and thread-safe; the same input gives the same output. It never reads a clock.</para>
/// </remarks>
public sealed class McodeMapper
{
    private readonly McodeMapperOptions options;

    /// <summary>Creates a mapper.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    public McodeMapper(McodeMapperOptions? options = null)
    {
        this.options = options ?? new McodeMapperOptions();
    }

    /// <summary>Gets a mapper with the default options.</summary>
    public static McodeMapper Default { get; } = new();

    /// <summary>Maps the resources of a Bundle (any <c>Bundle.type</c>: collection, document, searchset, transaction, …).</summary>
    /// <param name="bundle">The bundle: one patient's data.</param>
    /// <returns>The patient and the mapping report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bundle"/> is <see langword="null"/>.</exception>
    /// <exception cref="FhirInputException">
    /// The bundle holds no patient data (<see cref="FhirInputException.NoPatientData"/>: no entry, or no Patient and no
    /// resource about a patient; <c>docs/fhir.md</c>), or an element the mapper reads does not parse (a malformed date,
    /// a status code outside its value set), a value it reads is implausible (an ECOG grade outside 0–5, a lesion size
    /// of 0 or less or above 500 mm, a length in a unit it cannot convert, a date outside the plausible range, before the
    /// birth date or after <see cref="McodeMapperOptions.AsOf"/>, a Period that ends before it starts), or the input
    /// holds more than one patient (a second Patient, a subject that references another patient), or a resource id cannot be
    /// shown as a label (a control, format or separator character, or more than 64 characters; checked as
    /// <see cref="FhirJson"/> checks parsed JSON, for a Bundle built in code too; <c>docs/fhir.md</c>, "Resource ids"). Each
    /// error names the element (<c>Bundle.entry[2].resource(Condition).onsetDateTime</c>), never its value.
    /// </exception>
    public McodeMapping Map(Bundle bundle)
    {
        if (bundle is null)
        {
            throw new ArgumentNullException(nameof(bundle));
        }

        var badIds = new List<ValidationError>();
        FhirJson.CheckIds(bundle, "Bundle", typedEntries: true, badIds);
        RefuseBadIds(badIds);
        var entries = bundle.Entry
            .Select((entry, index) => (entry, index))
            .Where(e => e.entry?.Resource is not null)
            .Select(e => Source(e.entry.Resource!, "Bundle.entry[" + e.index + "].resource", e.entry.FullUrl));
        return new McodeReader(entries, options, "Bundle.entry").Read();
    }

    /// <summary>Maps resources (for example the results of the FHIR searches of <see cref="DataRequirements.FhirDataRequirements"/>).</summary>
    /// <param name="resources">One patient's resources; Bundles among them are opened.</param>
    /// <returns>The patient and the mapping report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resources"/> is <see langword="null"/>.</exception>
    /// <exception cref="FhirInputException">
    /// The resources hold no patient data (<see cref="FhirInputException.NoPatientData"/>: none at all, only empty
    /// Bundles, or no Patient and no resource about a patient), or an element the mapper reads does not parse, or a
    /// resource id (of a resource, a contained resource or a Bundle's entry) cannot be shown as a label, as for
    /// <see cref="Map(Bundle)"/>. Errors name the element (<c>resources[0].entry[2].resource(Condition).onsetDateTime</c>,
    /// <c>resources[1](Condition).id</c>), never its value.
    /// </exception>
    public McodeMapping Map(IEnumerable<Resource> resources)
    {
        if (resources is null)
        {
            throw new ArgumentNullException(nameof(resources));
        }

        var entries = new List<SourceResource>();
        var badIds = new List<ValidationError>();
        var position = 0;
        foreach (var resource in resources)
        {
            if (resource is not null && FhirJson.AnyIdProblem(resource))
            {
                // Typed the way the entries below are named: resources[0](Condition), resources[1].entry[2].resource(Condition).
                FhirJson.CheckIds(resource, resource is Bundle ? $"resources[{position}]" : $"resources[{position}]({resource.TypeName})", typedEntries: true, badIds);
            }

            if (resource is Bundle bundle)
            {
                var index = 0;
                foreach (var entry in bundle.Entry)
                {
                    if (entry?.Resource is not null)
                    {
                        entries.Add(Source(entry.Resource, $"resources[{position}].entry[{index}].resource", entry.FullUrl));
                    }

                    index++;
                }
            }
            else if (resource is not null)
            {
                entries.Add(Source(resource, $"resources[{position}]", null));
            }

            position++;
        }

        RefuseBadIds(badIds);
        return new McodeReader(entries, options, "resources").Read();
    }

    // Ids label resources in the report: refused as FhirJson refuses them in parsed JSON, whether the resources were parsed
    // or built in code (docs/fhir.md, "Resource ids").
    private static void RefuseBadIds(List<ValidationError> badIds)
    {
        if (badIds.Count > 0)
        {
            throw new FhirInputException(badIds, "FHIR R4 input the mapper cannot read", noPatientData: false);
        }
    }

    private static SourceResource Source(Resource resource, string position, string? fullUrl) => new(
        resource,
        string.IsNullOrEmpty(resource.Id) ? position + " (" + resource.TypeName + ")" : resource.TypeName + "/" + resource.Id,
        fullUrl,
        position + "(" + resource.TypeName + ")");
}

/// <summary>A resource, how to name it in the report, and its path in the input for error messages (<c>Bundle.entry[2].resource(Condition)</c>, the form <see cref="FhirJson"/> uses).</summary>
/// <remarks>
/// Equality is identity: each entry of the input is one instance, and its <see cref="Path"/> (with the entry's position)
/// differs from every other entry's, so value equality gave the same answers while hashing three strings per lookup.
/// </remarks>
internal sealed record SourceResource(Resource Resource, string Reference, string? FullUrl, string Path)
{
    /// <inheritdoc/>
    public bool Equals(SourceResource? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
