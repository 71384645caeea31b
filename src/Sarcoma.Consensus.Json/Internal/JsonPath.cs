using System.Globalization;

namespace Sarcoma.Consensus.Json.Internal;

/// <summary>
/// Builds the path of a value for error messages, in the one style every exception of the library uses: the
/// <see cref="Model.FactNames"/> form (<c>metastases.lesions[0].sizeMm</c>), property names joined by dots from the
/// document root, array indices in brackets, with no <c>$.</c> prefix; the document as a whole is <c>$</c>.
/// </summary>
internal static class JsonPath
{
    /// <summary>The document as a whole.</summary>
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
        !IsFieldName(name) ? Hidden(parent)
        : parent == Root ? name
        : parent + "." + name;

    /// <summary>The path of a property whose name is not echoed.</summary>
    public static string Hidden(string parent) => parent == Root ? HiddenName : parent + HiddenName;

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
