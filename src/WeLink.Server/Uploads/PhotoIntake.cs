using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WeLink.Server.Identities.Contracts;
using WeLink.Server.Uploads.Contracts;

namespace WeLink.Server.Uploads;

/// <summary>
/// Takes a consumer's photo: within the consumer's daily allowance, at most <see cref="UploadOptions.MaxBytes"/>, JPEG,
/// PNG or WebP by content. The bytes are stored before the row, so a row always has its bytes; a row that could not be
/// written takes its bytes with it. Every refusal is a ProblemDetails with a Chinese <c>detail</c> the page shows as is.
/// </summary>
public sealed partial class PhotoIntake(
    UploadStore uploads, IUploadStorage storage, IOptions<UploadOptions> options, TimeProvider time, ILogger<PhotoIntake> logger)
{
    /// <summary>Room for the multipart framing around the one file: boundaries, part headers, a small field or two.</summary>
    public const long MultipartAllowance = 64 * 1024;

    private UploadOptions Options => options.Value;

    public async Task<IResult> TakeAsync(HttpRequest request, ConsumerSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        if (request.ContentLength > Options.MaxBytes + MultipartAllowance)
        {
            return TooLarge();
        }

        var now = time.GetUtcNow();
        if (await uploads.CountSinceAsync(session.ConsumerId, now.AddDays(-1), cancellationToken) >= Options.MaxPerConsumerPerDay)
        {
            LogAllowanceSpent(session.ConsumerId);
            return TypedResults.Problem(
                $"今天上传的照片已达上限（{Options.MaxPerConsumerPerDay} 张），请明天再试。", title: "上传太多", statusCode: StatusCodes.Status429TooManyRequests);
        }

        (PhotoRead Outcome, byte[] Content) read;
        try
        {
            read = await MultipartPhoto.ReadAsync(request, Options.MaxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (IOException)
        {
            return TypedResults.Problem("上传的内容不完整，请重试。", title: "上传不完整", statusCode: StatusCodes.Status400BadRequest);
        }

        switch (read.Outcome)
        {
            case PhotoRead.TooLarge:
                return TooLarge();
            case PhotoRead.NotMultipart:
                return TypedResults.Problem(
                    $"请以 multipart/form-data 上传照片（文件字段 {MultipartPhoto.Field}）。", title: "上传格式不支持", statusCode: StatusCodes.Status415UnsupportedMediaType);
            case PhotoRead.NoFile:
                return Unprocessable("请选择一张照片。");
            case PhotoRead.Empty:
                return Unprocessable("照片是空的，请重新选择。");
        }

        if (ImageKind.Detect(read.Content) is not { } contentType)
        {
            LogRefusedType(session.ConsumerId, read.Content.Length);
            return TypedResults.Problem(
                "只能上传 JPG、PNG 或 WebP 格式的照片。", title: "照片格式不支持", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var upload = new UploadRow
        {
            Id = Guid.CreateVersion7(now),
            ConsumerId = session.ConsumerId,
            DealerId = session.DealerId,
            ContentType = contentType,
            SizeBytes = read.Content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(read.Content)),
            CreatedAt = now,
        };
        await StoreAsync(upload, read.Content, cancellationToken);
        LogUploaded(session.ConsumerId, upload.Id, contentType, upload.SizeBytes);
        var url = UploadLinks.ForConsumer(upload.Id);
        return TypedResults.Created(url, new UploadResponse(upload.Id, url));
    }

    private async Task StoreAsync(UploadRow upload, byte[] content, CancellationToken cancellationToken)
    {
        await storage.SaveAsync(upload.Id, content, cancellationToken);
        try
        {
            await uploads.InsertAsync(upload, cancellationToken);
        }
        catch
        {
            await storage.DeleteAsync(upload.Id, CancellationToken.None);
            throw;
        }
    }

    private ProblemHttpResult TooLarge() => TypedResults.Problem(
        $"照片不能超过 {Options.MaxBytes / (1024 * 1024)} MB，请压缩后重试。", title: "照片太大", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult Unprocessable(string message) => TypedResults.Problem(
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [MultipartPhoto.Field] = [message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "没有照片",
            Detail = message,
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {ConsumerId} uploaded {UploadId} ({ContentType}, {Bytes} bytes)")]
    private partial void LogUploaded(Guid consumerId, Guid uploadId, string contentType, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {ConsumerId} sent {Bytes} bytes that are no JPEG, PNG or WebP")]
    private partial void LogRefusedType(Guid consumerId, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {ConsumerId} has spent the daily upload allowance")]
    private partial void LogAllowanceSpent(Guid consumerId);
}
