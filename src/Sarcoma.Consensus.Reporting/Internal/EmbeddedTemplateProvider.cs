using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Sarcoma.Consensus.Reporting.Internal;

/// <summary>
/// Serves the Liquid templates embedded in this assembly (<c>Templates/*.liquid</c>) to Fluid's <c>render</c> tag. Read
/// once, line ends normalised to <c>\n</c> so the output is the same bytes whatever the checkout did to the files.
/// </summary>
internal sealed class EmbeddedTemplateProvider : IFileProvider
{
    private const string Prefix = "Sarcoma.Consensus.Reporting.Templates.";

    // A fixed modification time: Fluid's template cache keys on it, and nothing here ever changes.
    private static readonly DateTimeOffset Fixed = new(2025, 4, 11, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public EmbeddedTemplateProvider()
    {
        var assembly = typeof(EmbeddedTemplateProvider).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, new UTF8Encoding(false));
            var text = reader.ReadToEnd().Replace("\r\n", "\n");
            files[name.Substring(Prefix.Length)] = new UTF8Encoding(false).GetBytes(text);
        }
    }

    /// <summary>Gets the text of a template, for example <c>report.liquid</c>.</summary>
    public string Text(string name) =>
        files.TryGetValue(name, out var bytes)
            ? new UTF8Encoding(false).GetString(bytes)
            : throw new InvalidOperationException("Embedded template not found: " + name);

    public IFileInfo GetFileInfo(string subpath)
    {
        var name = subpath.TrimStart('/', '\\');
        return files.TryGetValue(name, out var bytes) ? new TemplateFile(name, bytes) : new NotFoundFileInfo(name);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class TemplateFile : IFileInfo
    {
        private readonly byte[] bytes;

        public TemplateFile(string name, byte[] bytes)
        {
            Name = name;
            this.bytes = bytes;
        }

        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name { get; }

        public DateTimeOffset LastModified => Fixed;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
