using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Sarcoma.Consensus.Model;

/// <summary>
/// The built-in histology classification: ICD-O-3 morphology ranges, and the SNOMED CT → ICD-O-3 table. Rules and
/// sources are in <c>docs/histology.md</c>; a test keeps that document and these tables in agreement.
/// </summary>
internal static class IcdO3Morphology
{
    /// <summary>ICD-O-3 morphology ranges (first four digits, inclusive) of soft-tissue sarcomas (WHO Classification of Soft Tissue and Bone Tumours, 5th ed., 2020; ICD-O-3.2).</summary>
    internal static readonly (int From, int To, string Group)[] SoftTissueRanges =
    {
        (8710, 8711, "glomangiosarcoma, malignant glomus tumour"),
        (8714, 8714, "malignant PEComa"),
        (8800, 8921, "soft tissue tumours and sarcomas NOS, fibromatous, myxomatous, lipomatous and myomatous neoplasms"),
        (8930, 8931, "endometrial stromal sarcoma"),
        (8933, 8933, "adenosarcoma"),
        (8935, 8935, "stromal sarcoma"),
        (8963, 8963, "malignant rhabdoid tumour"),
        (8990, 8991, "malignant mesenchymoma, embryonal sarcoma"),
        (9040, 9044, "synovial sarcoma, clear cell sarcoma"),
        (9120, 9175, "blood vessel and lymphatic vessel tumours"),
        (9231, 9231, "extraskeletal myxoid chondrosarcoma"),
        (9251, 9252, "malignant giant cell tumour of soft parts, malignant tenosynovial giant cell tumour"),
        (9540, 9571, "nerve sheath tumours"),
        (9580, 9581, "malignant granular cell tumour, alveolar soft part sarcoma"),
    };

    /// <summary>ICD-O-3 morphology ranges of bone sarcomas, Ewing-family tumours and chordoma (out of scope).</summary>
    internal static readonly (int From, int To, string Group)[] BoneRanges =
    {
        (9180, 9230, "osseous and chondromatous neoplasms"),
        (9232, 9250, "chondromatous neoplasms, giant cell tumour of bone"),
        (9260, 9261, "Ewing sarcoma, adamantinoma of long bones"),
        (9364, 9365, "peripheral neuroectodermal tumour, Askin tumour"),
        (9370, 9373, "chordoma"),
    };

    /// <summary>The GIST morphology, 8936 (with any behaviour digit), kept as data like the ranges above.</summary>
    internal static readonly (int From, int To, string Group)[] GistRanges =
    {
        (8936, 8936, "gastrointestinal stromal tumour"),
    };

    /// <summary>Terms of ICD-O-3 morphologies that are not named subtypes, used only to name them in reports.</summary>
    internal static readonly IReadOnlyDictionary<int, string> Terms = new Dictionary<int, string>
    {
        [8710] = "Glomangiosarcoma",
        [8711] = "Malignant glomus tumour",
        [8825] = "Myofibroblastic sarcoma",
        [8832] = "Dermatofibrosarcoma protuberans",
        [8840] = "Myxosarcoma",
        [8894] = "Angiomyosarcoma",
        [8895] = "Myosarcoma",
        [8930] = "Endometrial stromal sarcoma",
        [8931] = "Endometrial stromal sarcoma, low grade",
        [8933] = "Adenosarcoma",
        [8935] = "Stromal sarcoma",
        [8963] = "Malignant rhabdoid tumour",
        [8990] = "Malignant mesenchymoma",
        [8991] = "Embryonal sarcoma",
        [9124] = "Kupffer cell sarcoma",
        [9130] = "Haemangioendothelioma, malignant",
        [9133] = "Epithelioid haemangioendothelioma",
        [9140] = "Kaposi sarcoma",
        [9150] = "Haemangiopericytoma, malignant",
        [9170] = "Lymphangiosarcoma",
        [9251] = "Malignant giant cell tumour of soft parts",
        [9252] = "Malignant tenosynovial giant cell tumour",
        [9560] = "Malignant neurilemmoma",
        [9561] = "Malignant triton tumour",
        [9571] = "Malignant perineurioma",
        [9580] = "Granular cell tumour, malignant",
        [8000] = "Neoplasm",
        [8010] = "Carcinoma",
        [8041] = "Small cell carcinoma",
        [8046] = "Non-small cell carcinoma",
        [8070] = "Squamous cell carcinoma",
        [8140] = "Adenocarcinoma",
        [8500] = "Infiltrating duct carcinoma",
        [8520] = "Lobular carcinoma",
        [8720] = "Malignant melanoma",
        [8980] = "Carcinosarcoma",
        [9050] = "Mesothelioma",
        [9680] = "Diffuse large B-cell lymphoma",
    };

    /// <summary>
    /// SNOMED CT morphologic-abnormality concepts → ICD-O-3 morphology, for codes that are not listed on a named
    /// subtype (<see cref="Histology.SnomedCtCodes"/>). Sources per row in <c>docs/histology.md</c>.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> SnomedCtToIcdO3 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["128755003"] = "8936/1",  // Gastrointestinal stromal tumor (GIST: out of scope with any behaviour)
        ["420120006"] = "8936/3",  // Gastrointestinal stromal tumor (disorder), as records carry it in the morphology slot
        ["13238004"] = "9580/3",   // Granular cell tumor, malignant
        ["87913009"] = "9020/3",   // Malignant phyllodes tumor
        ["63264007"] = "8980/3",   // Carcinosarcoma
        ["62064005"] = "9050/3",   // Malignant mesothelioma
        ["1187425009"] = "8010/3", // Carcinoma
        ["68453008"] = "8010/3",   // Carcinoma, no subtype (concept used before the 2023 neoplasm remodelling)
        ["1187332001"] = "8140/3", // Adenocarcinoma
        ["35917007"] = "8140/3",   // Adenocarcinoma, no subtype (earlier editions)
        ["413448000"] = "8140/3",  // Adenocarcinoma, no subtype, intermediate grade
        ["82711006"] = "8500/3",   // Infiltrating duct carcinoma
        ["89740008"] = "8520/3",   // Lobular carcinoma
        ["77284006"] = "8520/2",   // Lobular carcinoma in situ
        ["127569003"] = "8000/2",  // In situ neoplasm
        ["74364000"] = "8041/3",   // Small cell carcinoma
        ["22687000"] = "8012/3",   // Large cell carcinoma
        ["128632008"] = "8046/3",  // Non-small cell carcinoma
        ["1162767002"] = "8070/3", // Squamous cell carcinoma
        ["27090000"] = "8120/3",   // Transitional cell carcinoma
        ["21008007"] = "8440/3",   // Cystadenocarcinoma
        ["72495009"] = "8480/3",   // Mucinous adenocarcinoma
        ["11671000"] = "8200/3",   // Adenoid cystic carcinoma
        ["1162635006"] = "8720/3", // Malignant melanoma
        ["55150002"] = "9690/3",   // Follicular lymphoma
        ["1172695008"] = "9680/3", // Diffuse large B cell malignant lymphoma
        ["77381001"] = "9687/3",   // Burkitt lymphoma
    };

    /// <summary>Whether the text is an ICD-O-3 morphology code: four digits 8000–9999, a slash, behaviour 0, 1, 2, 3, 6 or 9 (for GIST, 8936, any digit).</summary>
    public static bool IsWellFormed(string text) => Parse(text) is not null;

    /// <summary>Classifies an ICD-O-3 morphology code.</summary>
    public static bool TryClassify(string? text, out Histology histology)
    {
        histology = null!;
        if (text is null || Parse(text) is not { } parsed)
        {
            return false;
        }

        var (morphology, behaviour) = parsed;
        if (In(GistRanges, morphology))
        {
            histology = Histology.Gist;
            return true;
        }

        var malignant = behaviour is 3 or 6 or 9;
        var primaryForm = morphology.ToString(CultureInfo.InvariantCulture) + "/3";
        if (malignant && Histology.All.FirstOrDefault(h => h.IcdO3Codes.Contains(primaryForm, StringComparer.Ordinal)) is { } named)
        {
            histology = named;
            return true;
        }

        var term = Terms.TryGetValue(morphology, out var t) ? t : null;
        if (!malignant)
        {
            var behaviourWords = behaviour switch { 0 => "benign", 1 => "uncertain whether benign or malignant", _ => "in situ" };
            histology = Histology.ForClass(HistologyScope.NotMalignant, text, $"{term ?? "Neoplasm"}, morphology {text} ({behaviourWords})", text);
            return true;
        }

        if (In(SoftTissueRanges, morphology))
        {
            histology = Histology.ForClass(HistologyScope.SoftTissueSarcoma, text, $"{term ?? "Soft-tissue sarcoma"}, morphology {text}", text);
        }
        else if (In(BoneRanges, morphology))
        {
            histology = Histology.ForClass(HistologyScope.BoneSarcoma, text, $"{term ?? "Bone sarcoma"}, morphology {text}", text);
        }
        else
        {
            histology = Histology.ForClass(HistologyScope.NotSoftTissueSarcoma, text, $"{term ?? "Malignant tumour other than sarcoma"}, morphology {text}", text);
        }

        return true;
    }

    private static bool In((int From, int To, string Group)[] ranges, int morphology) =>
        ranges.Any(r => morphology >= r.From && morphology <= r.To);

    private static (int Morphology, int Behaviour)? Parse(string text)
    {
        if (text.Length != 6 || text[4] != '/')
        {
            return null;
        }

        for (var i = 0; i < 6; i++)
        {
            if (i != 4 && (text[i] < '0' || text[i] > '9'))
            {
                return null;
            }
        }

        var morphology = int.Parse(text.Substring(0, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        var behaviour = text[5] - '0';
        if (morphology < 8000)
        {
            return null;
        }

        return In(GistRanges, morphology) || behaviour is 0 or 1 or 2 or 3 or 6 or 9 ? (morphology, behaviour) : null;
    }
}
