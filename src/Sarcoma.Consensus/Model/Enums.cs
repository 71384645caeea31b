namespace Sarcoma.Consensus.Model;

/// <summary>Where the primary tumour arose.</summary>
public enum PrimarySite
{
    /// <summary>Retroperitoneum (RPS). Retroperitoneal and intra-abdominal primaries are the most likely to give liver-only metastases.</summary>
    Retroperitoneal,

    /// <summary>Intra-abdominal or visceral (for example uterine or gastrointestinal non-GIST).</summary>
    IntraAbdominalVisceral,

    /// <summary>Upper or lower extremity.</summary>
    Extremity,

    /// <summary>Trunk wall.</summary>
    Trunk,

    /// <summary>Any other site (head and neck, breast, …).</summary>
    Other,
}

/// <summary>Histologic grade of the primary tumour (FNCLCC).</summary>
public enum HistologicGrade
{
    /// <summary>Grade 1 (low).</summary>
    G1 = 1,

    /// <summary>Grade 2 (intermediate).</summary>
    G2 = 2,

    /// <summary>Grade 3 (high).</summary>
    G3 = 3,
}

/// <summary>The organ or site of a metastatic lesion.</summary>
public enum MetastaticSite
{
    /// <summary>Liver.</summary>
    Liver,

    /// <summary>Lung.</summary>
    Lung,

    /// <summary>Lymph node.</summary>
    LymphNode,

    /// <summary>Bone.</summary>
    Bone,

    /// <summary>Brain or other central nervous system site.</summary>
    Brain,

    /// <summary>Soft tissue.</summary>
    SoftTissue,

    /// <summary>A discrete peritoneal nodule (diffuse peritoneal sarcomatosis is recorded in <see cref="DiffuseInvolvement"/>).</summary>
    Peritoneum,

    /// <summary>A discrete pleural nodule (diffuse pleural sarcomatosis is recorded in <see cref="DiffuseInvolvement"/>).</summary>
    Pleura,

    /// <summary>Adrenal gland.</summary>
    Adrenal,

    /// <summary>Any other organ.</summary>
    Other,
}

/// <summary>Lobe of the liver, derived from Couinaud segments when not given.</summary>
public enum LiverLobe
{
    /// <summary>Left lobe (segments 2, 3, 4).</summary>
    Left,

    /// <summary>Right lobe (segments 5, 6, 7, 8).</summary>
    Right,

    /// <summary>Caudate lobe (segment 1).</summary>
    Caudate,
}

/// <summary>Best radiological response to systemic therapy.</summary>
public enum TreatmentResponse
{
    /// <summary>Complete response.</summary>
    CompleteResponse,

    /// <summary>Partial response.</summary>
    PartialResponse,

    /// <summary>Stable disease.</summary>
    StableDisease,

    /// <summary>Progressive disease.</summary>
    ProgressiveDisease,
}

/// <summary>Resection margin status.</summary>
public enum ResectionMargin
{
    /// <summary>Microscopically negative margins.</summary>
    R0,

    /// <summary>Microscopically positive margins.</summary>
    R1,

    /// <summary>Macroscopic residual disease.</summary>
    R2,
}
