namespace Sarcoma.Consensus.Imaging;

/// <summary>The staging examinations section 3.4 discusses for sarcoma liver metastases.</summary>
public enum ImagingModality
{
    /// <summary>Iodinated contrast-enhanced CT (recommendation 4.1).</summary>
    ContrastCt,

    /// <summary>Hepatic (liver) MRI (recommendation 4.2).</summary>
    LiverMri,

    /// <summary>18F-FDG-PET/CT (recommendation 4.3, read with the section 3.4 narrative).</summary>
    FdgPetCt,

    /// <summary>Brain MRI (section 3.4 narrative; not voted).</summary>
    BrainMri,

    /// <summary>Total-spine MRI (section 3.4 narrative; not voted).</summary>
    SpineMri,
}
