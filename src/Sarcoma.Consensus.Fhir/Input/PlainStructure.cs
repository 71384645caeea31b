using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;
using Hl7.Fhir.Utility;

namespace Sarcoma.Consensus.Fhir.Input;

/// <summary>
/// A check of FHIR R4 JSON against Firely's own model metadata (<see cref="ClassMapping"/>, <see cref="PropertyMapping"/>)
/// that answers one question: is this resource plainly well formed, so that Firely's strict deserializer with
/// <see cref="FhirJson.ReadSettings"/> (narrative XHTML not validated) would report no issue at all? It says yes only when
/// every element name is exactly an element of its type (a choice element with an allowed type suffix; a resourceType
/// exactly a concrete FHIR R4 resource type, written first), every value has the JSON type its FHIR type needs (string,
/// number, boolean, object; an array exactly for a repeating element), no value is <c>null</c>, no object or array is
/// empty, every mandatory element is present, every code of a required value set (<c>Code&lt;T&gt;</c>, such as
/// <c>Bundle.type</c>) is one of its codes, integers fit their type (<c>positiveInt</c> &gt; 0, <c>unsignedInt</c> ≥ 0),
/// <c>base64Binary</c> is plain base64, no element is given twice (the same name, or two forms of one choice element such
/// as <c>valueCodeableConcept</c> and <c>valueBoolean</c>), every string is text (no <c>\u</c> escape of a lone surrogate), every decimal is held
/// exactly by <see cref="decimal"/> (the rules of <see cref="FhirJson.CheckText"/>, so a caller that skips it is safe), and no
/// contained resource contains another. Anything else — including valid JSON
/// it does not bother to judge (a primitive extension on a repeating or choice element, an escaped code literal, a
/// resourceType not written first) — is "not plain", and the caller reads the resource the full way, with Firely's
/// validator, which reports the issues. So it may decline a good resource; it must never pass one Firely's validator
/// would report an issue for (tests: <c>ReadSettingsTests</c>).
/// </summary>
/// <remarks>Thread-safe; allocates nothing per call once each type's shape is cached.</remarks>
internal static class PlainStructure
{
    private static readonly ConcurrentDictionary<ClassMapping, Shape> Shapes = new();

    private static readonly byte[] ResourceTypeName = Encoding.UTF8.GetBytes("resourceType");

    private static readonly byte[] ContainedName = Encoding.UTF8.GetBytes("contained");

    /// <summary>The longest string value judged here (Firely's limit for a FHIR string is 1 MB).</summary>
    private const int MaximumStringBytes = 1024 * 1024;

    /// <summary>Whether the JSON is one plainly well-formed FHIR R4 resource (see the class).</summary>
    /// <param name="utf8Json">The JSON, UTF-8.</param>
    /// <returns><see langword="true"/> when plainly well formed; <see langword="false"/> when it might not be.</returns>
    public static bool IsPlain(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = FhirJson.MaxDepth });
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && IsResource(ref reader, inContained: false) && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // On the resource's StartObject; ends on its EndObject.
    private static bool IsResource(ref Utf8JsonReader reader, bool inContained)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.ValueIsEscaped || !reader.ValueSpan.SequenceEqual(ResourceTypeName) ||
            !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var shape = ResourceShape(reader.ValueSpan);
        if (shape is null)
        {
            return false;
        }

        // Only the resourceType: an empty resource.
        return reader.Read() && reader.TokenType == JsonTokenType.PropertyName && IsObjectBody(ref reader, shape, isResource: true, inContained);
    }

    private static Shape? ResourceShape(ReadOnlySpan<byte> name)
    {
        // Type names are ASCII; FindClassMapping ignores case, so the name found must be the name written.
        Span<char> chars = stackalloc char[64];
        if (name.Length == 0 || name.Length > chars.Length)
        {
            return null;
        }

        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] > 0x7F)
            {
                return null;
            }

            chars[i] = (char)name[i];
        }

        var text = chars.Slice(0, name.Length).ToString();
        if (ResourceTypes.TryGetValue(text, out var known))
        {
            return known;
        }

        // Only resource types are kept: names from the input that are not one are never cached (they could be anything).
        var found = FindResource(text);
        return found is null ? null : ResourceTypes.GetOrAdd(text, ShapeOf(found));
    }

    // The shapes of the concrete FHIR R4 resource types by name as written (a cache of FindResource and ShapeOf).
    private static readonly ConcurrentDictionary<string, Shape> ResourceTypes = new(StringComparer.Ordinal);

    private static ClassMapping? FindResource(string name)
    {
        var mapping = ModelInfo.ModelInspector.FindClassMapping(name);
        return mapping is { IsResource: true } && !mapping.NativeType.IsAbstract && string.Equals(mapping.Name, name, StringComparison.Ordinal) ? mapping : null;
    }

    // On the first PropertyName of an object (after resourceType for a resource); ends on the object's EndObject.
    private static bool IsObjectBody(ref Utf8JsonReader reader, Shape shape, bool isResource, bool inContained)
    {
        ulong present = 0;
        var any = false;

        // The elements given so far, one bit per element: the forms of a choice element share one (valueBoolean after
        // valueCodeableConcept: Firely keeps one of them, which could turn a "yes" into a "no").
        Span<ulong> seen = stackalloc ulong[shape.SeenWords];
        while (reader.TokenType == JsonTokenType.PropertyName)
        {
            any = true;
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            var element = shape.Find(name);
            if (element is null)
            {
                // A primitive's extensions and id ("_birthDate"): only on a single, non-choice primitive element.
                if (name.Length < 2 || name[0] != (byte)'_' || shape.Find(name.Slice(1)) is not { Repeats: false, IsChoice: false, IsFhirPrimitive: true } primitive ||
                    !reader.Read() || reader.TokenType != JsonTokenType.StartObject || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName ||
                    !IsObjectBody(ref reader, primitive.TypeShape, isResource: false, inContained))
                {
                    return false;
                }
            }
            else
            {
                if (isResource && inContained && element.IsResource && name.SequenceEqual(ContainedName))
                {
                    return false; // contained resources cannot be nested (PVAL118)
                }

                var bit = 1UL << (element.Slot & 63);
                if ((seen[element.Slot >> 6] & bit) != 0)
                {
                    return false; // the element given twice: the same name repeated, or two forms of one choice element
                }

                seen[element.Slot >> 6] |= bit;

                if (!reader.Read() || !IsValue(ref reader, element, inContained || (isResource && name.SequenceEqual(ContainedName))))
                {
                    return false;
                }

                if (element.MandatoryIndex >= 0)
                {
                    present |= 1UL << element.MandatoryIndex;
                }
            }

            if (!reader.Read())
            {
                return false;
            }
        }

        return any && reader.TokenType == JsonTokenType.EndObject && present == shape.AllMandatory;
    }

    // On the value's first token; ends on its last.
    private static bool IsValue(ref Utf8JsonReader reader, Element element, bool inContained)
    {
        if (!element.Repeats)
        {
            return IsItem(ref reader, element, inContained);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!IsItem(ref reader, element, inContained))
            {
                return false;
            }

            count++;
        }

        return count > 0 && count <= element.Max;
    }

    private static bool IsItem(ref Utf8JsonReader reader, Element element, bool inContained)
    {
        if (element.IsResource)
        {
            return reader.TokenType == JsonTokenType.StartObject && IsResource(ref reader, inContained);
        }

        var shape = element.TypeShape;
        if (!element.IsFhirPrimitive)
        {
            return reader.TokenType == JsonTokenType.StartObject && reader.Read() && reader.TokenType == JsonTokenType.PropertyName &&
                IsObjectBody(ref reader, shape, isResource: false, inContained);
        }

        switch (shape.Kind)
        {
            case PrimitiveKind.Text:
                // Text, as FhirJson.CheckText requires: a \u escape of a lone surrogate (or bytes that are not UTF-8) makes
                // every reader of the string throw; declined here even when the caller did not run CheckText.
                return reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= MaximumStringBytes && FhirJson.IsText(ref reader);
            case PrimitiveKind.Code:
                return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && shape.IsCode(reader.ValueSpan);
            case PrimitiveKind.Base64:
                return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= MaximumStringBytes && IsPlainBase64(reader.ValueSpan);
            case PrimitiveKind.Boolean:
                return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
            case PrimitiveKind.Decimal:
                // Only a number System.Decimal holds exactly (FhirJson.CheckText's rule): 24.99…9 with 36 digits would be
                // read as 25, across a clinical threshold; declined here even when the caller did not run CheckText.
                return reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && FhirJson.HeldExactly(reader.ValueSpan) && reader.TryGetDecimal(out _);
            case PrimitiveKind.Integer:
            case PrimitiveKind.PositiveInt:
            case PrimitiveKind.UnsignedInt:
                return reader.TokenType == JsonTokenType.Number && IsPlainInteger(reader.ValueSpan) && reader.TryGetInt32(out var value) &&
                    (shape.Kind != PrimitiveKind.PositiveInt || value > 0) && (shape.Kind != PrimitiveKind.UnsignedInt || value >= 0);
            default:
                return false;
        }
    }

    // Digits with an optional minus sign: no fraction, no exponent (Firely reads those as a decimal, not an integer).
    private static bool IsPlainInteger(ReadOnlySpan<byte> number)
    {
        var start = number.Length > 0 && number[0] == (byte)'-' ? 1 : 0;
        if (number.Length == start)
        {
            return false;
        }

        for (var i = start; i < number.Length; i++)
        {
            if (number[i] < (byte)'0' || number[i] > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    // Base64 without white space: a multiple of 4 characters of the base64 alphabet, at most two '=' at the end.
    private static bool IsPlainBase64(ReadOnlySpan<byte> text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        var padding = text[text.Length - 1] == (byte)'=' ? (text[text.Length - 2] == (byte)'=' ? 2 : 1) : 0;
        for (var i = 0; i < text.Length - padding; i++)
        {
            var c = text[i];
            if (!((c >= (byte)'A' && c <= (byte)'Z') || (c >= (byte)'a' && c <= (byte)'z') || (c >= (byte)'0' && c <= (byte)'9') || c == (byte)'+' || c == (byte)'/'))
            {
                return false;
            }
        }

        return true;
    }

    private static Shape ShapeOf(ClassMapping mapping) => Shapes.GetOrAdd(mapping, m => new Shape(m));

    private enum PrimitiveKind
    {
        None,
        Text,
        Code,
        Base64,
        Boolean,
        Decimal,
        Integer,
        PositiveInt,
        UnsignedInt,
        Unknown,
    }

    /// <summary>One JSON name of an element: a choice element has one per allowed type (<c>onsetDateTime</c>, <c>onsetAge</c>).</summary>
    /// <remarks>
    /// What the check asks of the element's type per value is held here (<see cref="ClassMapping.IsFhirPrimitive"/> is a
    /// reflection call, <see cref="ShapeOf"/> a dictionary look-up): read once, not for every value (issue #11).
    /// </remarks>
    private sealed class Element
    {
        private Shape? typeShape;

        public Element(byte[] name, ClassMapping type, bool repeats, int max, bool isResource, bool isChoice, int mandatoryIndex, int slot)
        {
            Slot = slot;
            Name = name;
            Type = type;
            IsFhirPrimitive = type.IsFhirPrimitive;
            Repeats = repeats;
            Max = max;
            IsResource = isResource;
            IsChoice = isChoice;
            MandatoryIndex = mandatoryIndex;
        }

        public byte[] Name { get; }

        public ClassMapping Type { get; }

        /// <summary>Gets a value indicating whether the element's type is a FHIR primitive (its value written as a JSON value).</summary>
        public bool IsFhirPrimitive { get; }

        /// <summary>
        /// Gets the shape of the element's type, looked up on first use (not when the element is made: types refer to
        /// themselves, Extension.extension). Thread-safe: <see cref="ShapeOf"/> answers every caller with one instance.
        /// </summary>
        public Shape TypeShape => typeShape ??= ShapeOf(Type);

        public bool Repeats { get; }

        public int Max { get; }

        public bool IsResource { get; }

        public bool IsChoice { get; }

        public int MandatoryIndex { get; }

        /// <summary>Gets the element's index in its type (the same for every form of a choice element), for the check that none is given twice.</summary>
        public int Slot { get; }
    }

    /// <summary>What the check needs of one FHIR type: its elements' JSON names, which are mandatory, and for a primitive its JSON kind.</summary>
    private sealed class Shape
    {
        private readonly Element[] elements;
        private readonly byte[][] codes;

        public Shape(ClassMapping mapping)
        {
            var list = new List<Element>();
            var mandatory = 0;
            var slots = 0;
            var unsupported = false;
            foreach (var property in mapping.PropertyMappings.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var cardinality = property.ValidationAttributes.OfType<CardinalityAttribute>().FirstOrDefault();
                var max = property.IsCollection ? (cardinality is null || cardinality.Max < 0 ? int.MaxValue : cardinality.Max) : 1;
                var minimum = cardinality?.Min ?? 0;
                if (minimum > 1)
                {
                    unsupported = true;
                }

                var index = property.IsMandatoryElement || minimum > 0 ? mandatory++ : -1;
                var slot = slots++;
                if (property.RepresentsValueElement || property.IsPrimitive)
                {
                    // The value of a primitive (written as the JSON value itself, never by name; in "_birthDate" it is not allowed).
                    if (!mapping.IsFhirPrimitive)
                    {
                        unsupported = true;
                    }

                    continue;
                }

                switch (property.Choice)
                {
                    case ChoiceType.None:
                        // A code of a required value set: its FHIR type is code, its implementing type Code<T> (the value set).
                        var implementing = ModelInfo.ModelInspector.FindOrImportClassMapping(property.ImplementingType);
                        var type = implementing is { IsCodeOfT: true } ? implementing : property.PropertyTypeMapping;
                        list.Add(new Element(Encoding.UTF8.GetBytes(property.Name), type, property.IsCollection, max, isResource: false, isChoice: false, index, slot));
                        break;
                    case ChoiceType.ResourceChoice:
                        list.Add(new Element(Encoding.UTF8.GetBytes(property.Name), property.PropertyTypeMapping, property.IsCollection, max, isResource: true, isChoice: false, index, slot));
                        break;
                    case ChoiceType.DatatypeChoice:
                        foreach (var choice in property.FhirTypeMappings)
                        {
                            list.Add(new Element(Encoding.UTF8.GetBytes(property.Name + char.ToUpperInvariant(choice.Name[0]) + choice.Name.Substring(1)), choice, property.IsCollection, max, isResource: false, isChoice: true, index, slot));
                        }

                        break;
                    default:
                        unsupported = true;
                        break;
                }
            }

            elements = list.ToArray();
            SeenWords = Math.Max(1, (slots + 63) / 64);
            AllMandatory = unsupported || mandatory > 63 ? ulong.MaxValue : (1UL << mandatory) - 1;
            Kind = mapping.IsFhirPrimitive ? KindOf(mapping) : PrimitiveKind.None;
            codes = Kind == PrimitiveKind.Code
                ? Enum.GetValues(mapping.EnumType!).Cast<Enum>().Select(v => Encoding.UTF8.GetBytes(v.GetLiteral())).ToArray()
                : Array.Empty<byte[]>();
        }

        /// <summary>Gets the bits of every mandatory element; all set when the type cannot be judged here (nothing is then plain).</summary>
        public ulong AllMandatory { get; }

        public PrimitiveKind Kind { get; }

        /// <summary>Gets the number of 64-bit words that hold one bit per element of the type (at least one).</summary>
        public int SeenWords { get; }

        public Element? Find(ReadOnlySpan<byte> name)
        {
            foreach (var element in elements)
            {
                if (name.SequenceEqual(element.Name))
                {
                    return element;
                }
            }

            return null;
        }

        public bool IsCode(ReadOnlySpan<byte> literal)
        {
            foreach (var code in codes)
            {
                if (literal.SequenceEqual(code))
                {
                    return true;
                }
            }

            return false;
        }

        private static PrimitiveKind KindOf(ClassMapping mapping)
        {
            if (mapping.IsCodeOfT)
            {
                return mapping.EnumType is null ? PrimitiveKind.Unknown : PrimitiveKind.Code;
            }

            return mapping.NativeType.Name switch
            {
                // The string-valued primitives whose literal ReadSettings does not check (TolerantLiteralValidator), and xhtml
                // (narrative, not validated on this path).
                nameof(FhirString) or nameof(FhirUri) or nameof(FhirUrl) or nameof(Canonical) or nameof(Oid) or nameof(Uuid) or nameof(Id) or
                    nameof(Code) or nameof(Markdown) or nameof(FhirDateTime) or nameof(Date) or nameof(Instant) or nameof(Time) or nameof(XHtml)
                    when mapping.NativeType.Namespace == typeof(FhirString).Namespace => PrimitiveKind.Text,
                nameof(Base64Binary) => PrimitiveKind.Base64,
                nameof(FhirBoolean) => PrimitiveKind.Boolean,
                nameof(FhirDecimal) => PrimitiveKind.Decimal,
                nameof(Integer) => PrimitiveKind.Integer,
                nameof(PositiveInt) => PrimitiveKind.PositiveInt,
                nameof(UnsignedInt) => PrimitiveKind.UnsignedInt,
                _ => PrimitiveKind.Unknown,
            };
        }
    }
}
