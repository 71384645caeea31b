using System.Globalization;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>Builds the JSONPath of a value (<c>$.metastases.lesions[0].sizeMm</c>) for error messages.</summary>
internal static class JsonPath
{
    /// <summary>The root of the document.</summary>
    public const string Root = "$";

    /// <summary>What stands for a property name that is not echoed (see <see cref="Property"/>).</summary>
    public const string HiddenName = "['?']";

    /// <summary>The longest property name echoed in a path.</summary>
    public const int MaximumEchoedNameLength = 64;

    /// <summary>
    /// Appends a property. A name is echoed only when it looks like a field name (an ASCII identifier of at most
    /// 64 characters): a key with spaces or punctuation may be data pasted in the wrong place, and error messages
    /// never carry patient data.
    /// </summary>
    public static string Property(string parent, string name) =>
        IsFieldName(name) ? parent + "." + name : parent + HiddenName;

    /// <summary>Appends an array index.</summary>
    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Whether a property name is echoed in paths and messages.</summary>
    public static bool IsFieldName(string name)
    {
        if (name.Length == 0 || name.Length > MaximumEchoedNameLength)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
            var digit = c >= '0' && c <= '9';
            if (!(letter || (digit && i > 0)))
            {
                return false;
            }
        }

        return true;
    }
}
