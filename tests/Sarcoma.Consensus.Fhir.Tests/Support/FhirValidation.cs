using System;
using System.Linq;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace Sarcoma.Consensus.Fhir.Tests.Support;

/// <summary>Validates resources against the base FHIR R4 specification (Firely.Fhir.Validation.R4 with the R4 specification package).</summary>
internal static class FhirValidation
{
    private static readonly Lazy<Validator> Instance = new(() =>
    {
        var source = new CachedResolver(ZipSource.CreateValidationSource());

        // Base R4 only: the mCODE IG package is not available here, so declared mCODE profiles are not followed
        // (their extensions are reported as warnings, which this check ignores).
        var settings = new ValidationSettings
        {
            SelectValidationProfiles = (_, profiles, _, _) => profiles.Where(p => p.ToString().StartsWith("http://hl7.org/fhir/StructureDefinition/", StringComparison.Ordinal)).ToArray(),
        };
        return new Validator(source, LocalTerminologyService.CreateDefaultForCore(source), null, settings);
    });

    /// <summary>Returns the error and fatal issues (empty when valid), each as "location: text".</summary>
    public static string[] Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Instance)
        {
            outcome = Instance.Value.Validate(resource);
        }

        return outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => string.Join(",", i.Expression ?? Enumerable.Empty<string>()) + ": " + i.Details?.Text)
            .ToArray();
    }
}
