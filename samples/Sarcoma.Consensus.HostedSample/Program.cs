using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sarcoma.Consensus;
using Sarcoma.Consensus.HostedSample;

// Content root = the output folder, so appsettings.json is found whatever the working directory
// (`dotnet run --project ...` keeps the caller's).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

// The thresholds come from the "SarcomaConsensus" section; anything it leaves out keeps the consensus default.
// AddSarcomaConsensus validates them when the host starts.
var section = builder.Configuration.GetSection("SarcomaConsensus");
builder.Services.AddSarcomaConsensus(options => section.Bind(options));
builder.Services.AddHostedService<DemoEvaluationWorker>();

using var host = builder.Build();
try
{
    await host.RunAsync();
}
catch (OptionsValidationException ex)
{
    // The message names each impossible option and carries no patient data.
    await Console.Error.WriteLineAsync("Invalid SarcomaConsensus settings: " + ex.Message);
    return 2;
}

return Environment.ExitCode;
