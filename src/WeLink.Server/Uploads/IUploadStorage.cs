namespace WeLink.Server.Uploads;

/// <summary>
/// Where upload bytes live, by upload id. The local folder (<see cref="LocalFolderStorage"/>) serves a single node and the
/// default run; several nodes need a shared store, an S3-compatible bucket being the production choice, behind this
/// same interface. The <c>uploads</c> table, not the storage, says who may read what.
/// </summary>
public interface IUploadStorage
{
    Task SaveAsync(Guid id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The bytes to stream out; null when the storage has none for the id.</summary>
    Task<Stream?> OpenAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Removes the bytes; nothing happens when there are none.</summary>
    Task DeleteAsync(Guid id, CancellationToken cancellationToken);
}
