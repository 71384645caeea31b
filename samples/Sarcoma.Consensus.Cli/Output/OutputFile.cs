using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using Sarcoma.Consensus.Cli.Input;

namespace Sarcoma.Consensus.Cli.Output;

/// <summary>
/// A file written whole or not at all. The content goes to a temporary file beside the target
/// (<c>.NAME.RANDOM.tmp</c>, in the same folder so the rename stays on one file system), and <see cref="Commit"/>
/// renames it over the target. Until then the target is untouched: if the run fails, is interrupted, or is killed
/// (SIGKILL), the target is either absent or the previous complete file. Disposing without committing deletes the
/// temporary file (after SIGKILL it may be left behind, never at the target's name).
/// </summary>
/// <remarks>
/// A target that exists and is not a regular file (a device such as <c>/dev/null</c> or <c>/dev/full</c>, a pipe, a
/// terminal) is written directly: there is no file to replace. Write failures become <see cref="OutputFailureException"/>s.
/// Not thread-safe.
/// </remarks>
public sealed class OutputFile : IDisposable
{
    private readonly string? temporaryPath;
    private readonly string targetPath;
    private FileStream? stream;
    private bool committed;

    private OutputFile(string shownPath, string targetPath, string? temporaryPath, FileStream stream)
    {
        ShownPath = shownPath;
        this.targetPath = targetPath;
        this.temporaryPath = temporaryPath;
        this.stream = stream;
    }

    /// <summary>Gets the target as the user gave it, made safe to show.</summary>
    public string ShownPath { get; }

    /// <summary>Gets a value indicating whether the target is written directly (a device or pipe) rather than replaced.</summary>
    public bool IsDirect => temporaryPath is null;

    /// <summary>Opens an output file.</summary>
    /// <param name="path">The target path, as given on the command line.</param>
    /// <param name="what">What the file is, for messages ("batch output", "iCalendar file").</param>
    /// <returns>The output file.</returns>
    /// <exception cref="InvalidInputException">The target cannot be written: a folder, a missing folder, no permission.</exception>
    public static OutputFile Create(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        var shown = DisplayText.Path(path);
        try
        {
            if (Directory.Exists(path))
            {
                throw new InvalidInputException($"{shown}: the {what} cannot be written (it is a folder).");
            }

            var target = Path.GetFullPath(path);
            if (FileKind.IsSpecial(target))
            {
                // A device, pipe or terminal (also through a link, such as /dev/stdout): write to it as it is.
                return new OutputFile(shown, target, null, new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 64 * 1024));
            }

            if (File.Exists(target) && File.ResolveLinkTarget(target, returnFinalTarget: true) is { } link)
            {
                // A link to a regular file: replace the file it points to, and keep the link.
                target = link.FullName;
            }

            var folder = Path.GetDirectoryName(target) ?? ".";
            var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            return new OutputFile(shown, target, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 64 * 1024));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SecurityException or IOException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException($"{shown}: the {what} cannot be written ({PatientFile.Reason(e)}).");
        }
    }

    /// <summary>Whether a path names something other than a regular file or a folder: a device, a pipe, a socket.</summary>
    /// <param name="path">The path.</param>
    /// <returns><see langword="true"/> for a device or pipe that exists.</returns>
    public static bool IsDeviceOrPipe(string path) => FileKind.IsSpecial(Path.GetFullPath(path));

    /// <summary>Writes bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <exception cref="OutputFailureException">The bytes could not be written.</exception>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        var s = stream ?? throw new ObjectDisposedException(nameof(OutputFile));
        try
        {
            s.Write(bytes);
        }
        catch (IOException e)
        {
            throw new OutputFailureException(ShownPath, OutputFailureException.Describe(e));
        }
    }

    /// <summary>Flushes to the device and puts the file in place of the target.</summary>
    /// <exception cref="OutputFailureException">The file could not be completed or renamed; the target is left as it was.</exception>
    public void Commit()
    {
        var s = stream ?? throw new ObjectDisposedException(nameof(OutputFile));
        try
        {
            s.Flush(flushToDisk: !IsDirect);
            s.Dispose();
            stream = null;
            if (temporaryPath is not null)
            {
                File.Move(temporaryPath, targetPath, overwrite: true);
            }

            committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFailureException(ShownPath, OutputFailureException.Describe(e));
        }
    }

    /// <summary>Closes the file; without <see cref="Commit"/>, deletes the temporary file and leaves the target as it was.</summary>
    public void Dispose()
    {
        try
        {
            stream?.Dispose();
        }
        catch (IOException)
        {
            // Closing a file whose writes failed can fail again; the failure was reported when it happened.
        }

        stream = null;
        if (!committed && temporaryPath is not null)
        {
            try
            {
                File.Delete(temporaryPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a stray temporary file never has the target's name.
            }
        }
    }

    /// <summary>Tells regular files (replaced by a rename) from devices, pipes and terminals (written directly).</summary>
    private static class FileKind
    {
        private const int StatxType = 0x0001;
        private const int AtFdCwd = -100;
        private const int ModeOffset = 28;
        private const int TypeMask = 0xF000;
        private const int RegularFile = 0x8000;

        public static bool IsSpecial(string path)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (OperatingSystem.IsLinux())
            {
                try
                {
                    // statx's buffer has the same layout on every Linux architecture: stx_mode is the 16-bit field at byte 28.
                    var buffer = new byte[256];
                    if (Statx(AtFdCwd, path, 0, StatxType, buffer) == 0)
                    {
                        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
                        return (mode & TypeMask) != RegularFile;
                    }
                }
                catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
                {
                    // An old C library without statx: fall back to the path.
                }
            }

            return !OperatingSystem.IsWindows() && path.StartsWith("/dev/", StringComparison.Ordinal);
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mask, byte[] buffer);
    }
}
