using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Sarcoma.Consensus.Cli.Rendering;

/// <summary>
/// Word wrapping for the text report: lines of at most a width (by default <see cref="Width"/>) characters, continuation
/// lines indented. Text is wrapped at spaces and never cut short or ellipsised; only a single word longer than a whole line
/// (a hash, a path) is split across lines.
/// </summary>
internal static class TextWrap
{
    /// <summary>The width of the default text report, in characters.</summary>
    public const int Width = 100;

    /// <summary>The narrowest width the text report accepts, in characters (room for the action column after its 27-column id prefix).</summary>
    public const int MinimumWidth = 60;

    /// <summary>The widest width the text report accepts, in characters.</summary>
    public const int MaximumWidth = 240;

    /// <summary>Wraps <paramref name="text"/> after <paramref name="prefix"/>; continuation lines start with <paramref name="hanging"/> spaces.</summary>
    /// <param name="prefix">What starts the first line (an indent, a bullet, an id column).</param>
    /// <param name="text">The text.</param>
    /// <param name="hanging">The indent of continuation lines; by default the prefix's width.</param>
    /// <param name="width">The line width in characters (<see cref="MinimumWidth"/>–<see cref="MaximumWidth"/>).</param>
    /// <returns>The lines, none longer than <paramref name="width"/> (a word longer than a line is split).</returns>
    public static IReadOnlyList<string> Lines(string prefix, string text, int? hanging = null, int width = Width)
    {
        var indent = new string(' ', Math.Min(hanging ?? prefix.Length, width / 2));
        var lines = new List<string>();
        var line = new StringBuilder(prefix);
        var lineHasWord = false;
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw;
            while (true)
            {
                var needed = (lineHasWord ? 1 : 0) + word.Length;
                if (line.Length + needed <= width)
                {
                    if (lineHasWord)
                    {
                        line.Append(' ');
                    }

                    line.Append(word);
                    lineHasWord = true;
                    break;
                }

                if (lineHasWord)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(indent);
                    lineHasWord = false;
                    continue;
                }

                // A word longer than the room on an empty line: cut it.
                var room = width - line.Length;
                line.Append(word, 0, room);
                lines.Add(line.ToString());
                line.Clear().Append(indent);
                word = word.Substring(room);
            }
        }

        if (lineHasWord || lines.Count == 0)
        {
            lines.Add(line.ToString().TrimEnd());
        }

        return lines;
    }

    /// <summary>Writes <paramref name="text"/> wrapped (see <see cref="Lines"/>).</summary>
    public static void Write(TextWriter output, string prefix, string text, int? hanging = null, int width = Width)
    {
        foreach (var line in Lines(prefix, text, hanging, width))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>Writes each line of <paramref name="block"/> wrapped, continuation lines indented by two more than the line's own indent.</summary>
    public static void WriteBlock(TextWriter output, string block, int width = Width)
    {
        foreach (var line in block.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n'))
        {
            if (line.Length <= width)
            {
                output.WriteLine(line);
                continue;
            }

            var indent = line.Length - line.TrimStart(' ').Length;
            Write(output, new string(' ', indent), line.TrimStart(' '), indent + 2, width);
        }
    }
}
