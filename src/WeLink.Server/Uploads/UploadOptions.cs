using System.ComponentModel.DataAnnotations;

namespace WeLink.Server.Uploads;

/// <summary>The <c>Uploads</c> settings: where photos are kept and how much one consumer may upload.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>The local storage's folder, relative to the content root like the SQLite file (<c>data/</c>).</summary>
    [Required]
    public string Folder { get; set; } = "data/uploads";

    /// <summary>The largest photo taken: a phone photo is 2–4 MB; WeChat compresses most before upload.</summary>
    [Range(1, 50 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Photos one consumer may upload in 24 hours, so one consumer cannot fill the storage.</summary>
    [Range(1, 10_000)]
    public int MaxPerConsumerPerDay { get; set; } = 60;

    /// <summary>How long a photo no request took is kept: filing follows uploading within minutes.</summary>
    public TimeSpan UnattachedLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often unattached photos past their lifetime are purged.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
