using Microsoft.Extensions.Options;

namespace WeLink.Server.Uploads;

/// <summary>
/// Upload bytes as files in one folder (<see cref="UploadOptions.Folder"/>), named by the upload id alone, so no name a
/// consumer chose ever reaches the file system. A file is written under a temporary name and then moved into place, so a
/// reader never sees half a photo.
/// </summary>
public sealed class LocalFolderStorage : IUploadStorage
{
    private readonly string _folder;

    public LocalFolderStorage(IOptions<UploadOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        _folder = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);
        Directory.CreateDirectory(_folder);
    }

    public async Task SaveAsync(Guid id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public Task<Stream?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var path = PathOf(id);
        return Task.FromResult<Stream?>(File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true)
            : null);
    }

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(id));
        return Task.CompletedTask;
    }

    private string PathOf(Guid id) => Path.Combine(_folder, id.ToString("N"));
}
