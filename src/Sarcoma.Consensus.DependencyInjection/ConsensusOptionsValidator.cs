using System.Linq;
using Microsoft.Extensions.Options;

namespace Sarcoma.Consensus;

/// <summary>
/// Validates <see cref="ConsensusOptions"/> with <see cref="ConsensusOptions.Validate"/>: one failure per impossible
/// option, each written <c>Option: what is wrong</c>.
/// </summary>
/// <remarks>Stateless and thread-safe. Validates every named instance, since the rules do not depend on the name.</remarks>
internal sealed class ConsensusOptionsValidator : IValidateOptions<ConsensusOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConsensusOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("The consensus options are missing.");
        }

        var problems = options.Validate();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }
}
