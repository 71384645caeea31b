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
/// An option's output (<c>--out</c>, <c>--ics</c>, <c>--html</c>) is opened with the option's name and the command's
/// inputs, so every message names the option, and an output that resolves to an input is refused before anything is written.
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

    /// <summary>Gets the target as shown in messages: the option that names it (when opened with one) and the path as given, made safe to show.</summary>
    public string ShownPath { get; }

    /// <summary>Gets a value indicating whether the target is written directly (a device or pipe) rather than replaced.</summary>
    public bool IsDirect => temporaryPath is null;

    /// <summary>
    /// Opens the output file of a command-line option, after <see cref="Check"/>: never a folder, never the same file as
    /// one of the command's inputs. Every message names the option and the path (<c>--ics cal.ics: …</c>).
    /// </summary>
    /// <param name="path">The target path, as given on the command line.</param>
    /// <param name="what">What the file is, for messages ("batch output", "iCalendar file").</param>
    /// <param name="option">The option that names it (<c>--out</c>, <c>--ics</c>, <c>--html</c>).</param>
    /// <param name="inputs">The command's inputs, each with the option or argument that names it (<c>("PATH", file)</c>,
    /// <c>("--fhir", bundle)</c>); a <see langword="null"/> path is skipped.</param>
    /// <returns>The output file.</returns>
    /// <exception cref="InvalidInputException">The target cannot be written: a folder, a missing folder, no permission,
    /// or the same file as an input (also through a symbolic link, <c>..</c>, or on Linux a hard link).</exception>
    public static OutputFile Create(string path, string what, string option, params (string Name, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(option);
        return Open(path, what, option, inputs);
    }

    /// <summary>
    /// Checks that the output of a command-line option could be written, without writing anything: it is not a folder,
    /// its folder exists, and it is not the same file as any input. <see cref="Create(string, string, string, ValueTuple{string, string}[])"/>
    /// does this first; a command that writes nothing for this run (a patient without a calendar) calls it alone, so an
    /// output that can never be written is an error whether or not there is something to write.
    /// </summary>
    /// <param name="path">The target path, as given on the command line.</param>
    /// <param name="what">What the file is, for messages.</param>
    /// <param name="option">The option that names it.</param>
    /// <param name="inputs">The command's inputs, each with the option or argument that names it.</param>
    /// <exception cref="InvalidInputException">The target cannot be written; the message names the option and the path, never file content.</exception>
    public static void Check(string path, string what, string option, params (string Name, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(option);
        Validate(path, what, option, inputs, requireFolder: true);
    }

    /// <summary>
    /// Whether two paths name the same existing file: after following symbolic links and <c>.</c>/<c>..</c>, and on Linux
    /// by device and inode, so a hard link to the same file counts too. Elsewhere hard links are not detected.
    /// </summary>
    /// <param name="first">A path.</param>
    /// <param name="second">Another path.</param>
    /// <returns><see langword="true"/> when both exist and are the same file.</returns>
    public static bool IsSameFile(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        try
        {
            var a = Path.GetFullPath(first);
            var b = Path.GetFullPath(second);
            if (!Exists(a) || !Exists(b))
            {
                return false;
            }

            if (FileKind.TryIdentity(a, out var identityA) && FileKind.TryIdentity(b, out var identityB))
            {
                return identityA == identityB;
            }

            var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(Resolve(a), Resolve(b), comparison);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SecurityException or IOException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static OutputFile Open(string path, string what, string? option, (string Name, string? Path)[] inputs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(inputs);
        var shown = Shown(path, option);
        Validate(path, what, option, inputs, requireFolder: false);
        try
        {
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

    private static void Validate(string path, string what, string? option, (string Name, string? Path)[] inputs, bool requireFolder)
    {
        ArgumentNullException.ThrowIfNull(path);
        var shown = Shown(path, option);
        try
        {
            if (Directory.Exists(path))
            {
                throw new InvalidInputException($"{shown}: the {what} cannot be written (it is a folder).");
            }

            foreach (var (name, input) in inputs)
            {
                if (input is not null && IsSameFile(path, input))
                {
                    throw new InvalidInputException($"{shown}: the {what} would overwrite the input {name} (the same file); write it to another file.");
                }
            }

            if (requireFolder && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."))
            {
                throw new InvalidInputException($"{shown}: the {what} cannot be written (its folder does not exist).");
            }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or SecurityException or IOException or ArgumentException or NotSupportedException)
        {
            throw new InvalidInputException($"{shown}: the {what} cannot be written ({PatientFile.Reason(e)}).");
        }
    }

    private static string Shown(string path, string? option) => option is null ? DisplayText.Path(path) : option + " " + DisplayText.Path(path);

    private static bool Exists(string fullPath) => File.Exists(fullPath) || Directory.Exists(fullPath);

    // The path with every symbolic link followed, the folders' included (File.ResolveLinkTarget follows only the last part).
    private static string Resolve(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        var resolved = root;
        foreach (var part in fullPath.Substring(root.Length).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            resolved = info.LinkTarget is null ? next : (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next);
        }

        return resolved;
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
        private const int StatxIno = 0x0100;
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

        /// <summary>The file's device and inode (Linux), following symbolic links.</summary>
        public static bool TryIdentity(string path, out (uint DeviceMajor, uint DeviceMinor, ulong Inode) identity)
        {
            identity = default;
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            try
            {
                // stx_ino is the 64-bit field at byte 32, stx_dev_major and stx_dev_minor the 32-bit fields at 136 and 140.
                var buffer = new byte[256];
                if (Statx(AtFdCwd, path, 0, StatxType | StatxIno, buffer) != 0 || (BitConverter.ToUInt32(buffer, 0) & StatxIno) == 0)
                {
                    return false;
                }

                identity = (BitConverter.ToUInt32(buffer, 136), BitConverter.ToUInt32(buffer, 140), BitConverter.ToUInt64(buffer, 32));
                return true;
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                return false;
            }
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mask, byte[] buffer);
    }
}
