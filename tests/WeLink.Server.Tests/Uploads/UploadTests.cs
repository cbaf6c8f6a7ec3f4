using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;
using WeLink.Server.Uploads;

namespace WeLink.Server.Tests.Uploads;

/// <summary>
/// Consumers' photos over real HTTP: what is taken (JPEG, PNG, WebP by content, at most 5 MB), what is refused with which
/// status and Chinese detail (nothing stored then), who reads a photo back, the per-consumer allowance and the purge of
/// photos no filing took.
/// </summary>
public abstract class UploadTests(DatabaseProvider provider) : IAsyncLifetime
{
    internal static readonly Uri Uploads = new("/api/consumer/uploads", UriKind.Relative);

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_photo_sent_as_wx_uploadFile_sends_it_is_read_back_by_its_uploader_with_its_detected_type_and_nosniff_and_by_nobody_else()
    {
        using var uploader = await _world.ConsumerAsync(_world.People[0]);
        using var neighbour = await _world.ConsumerAsync(_world.People[1]);
        using var beijingManager = await _world.StaffAsync(_world.Manager);
        var bytes = Photos.Jpeg(300_000);

        var photo = await UploadAsync(uploader, bytes);
        using var own = await uploader.GetAsync(new Uri(photo.Url, UriKind.Relative));
        using var theirs = await neighbour.GetAsync(new Uri(photo.Url, UriKind.Relative));
        using var staffBeforeFiling = await beijingManager.GetAsync(new Uri($"/api/staff/uploads/{photo.Id}", UriKind.Relative));
        using var unknown = await uploader.GetAsync(new Uri($"{Uploads}/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal($"/api/consumer/uploads/{photo.Id}", photo.Url);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(own.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(bytes, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            (Convert.ToHexStringLower(SHA256.HashData(bytes)), 300_000L, "image/jpeg"),
            await _world.QuerySingleAsync<(string, long, string)>("SELECT sha256, size_bytes, content_type FROM uploads WHERE id = @id", new { id = photo.Id }));
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staffBeforeFiling.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Png_and_webp_are_taken_by_their_content_and_served_as_what_they_are_whatever_name_and_type_the_client_gave()
    {
        using var uploader = await _world.ConsumerAsync(_world.People[0]);

        var png = await UploadAsync(uploader, Photos.Png(), "photo.jpg", "image/jpeg");
        var webp = await UploadAsync(uploader, Photos.Webp(), "photo", "application/octet-stream");
        var jpegAtTheLimit = await UploadAsync(uploader, Photos.Jpeg(Photos.FiveMegabytes));

        foreach (var (photo, type) in new[] { (png, "image/png"), (webp, "image/webp"), (jpegAtTheLimit, "image/jpeg") })
        {
            using var read = await uploader.GetAsync(new Uri(photo.Url, UriKind.Relative));
            Assert.Equal(type, read.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_page_disguised_as_a_jpg_is_refused_with_415_in_Chinese_and_nothing_is_stored()
    {
        using var uploader = await _world.ConsumerAsync(_world.People[0]);

        using var disguised = await uploader.PostAsync(Uploads, Photos.Form(Photos.HtmlPage(), "holiday.jpg", "image/jpeg"));
        using var gif = await uploader.PostAsync(Uploads, Photos.Form([.. "GIF89a"u8, 1, 0, 1, 0], "anim.gif", "image/gif"));
        using var json = await uploader.PostAsJsonAsync(Uploads, new { file = "data:image/jpeg;base64,/9j/" });

        await AssertProblemAsync(disguised, HttpStatusCode.UnsupportedMediaType, "只能上传 JPG、PNG 或 WebP 格式的照片。");
        await AssertProblemAsync(gif, HttpStatusCode.UnsupportedMediaType, "只能上传 JPG、PNG 或 WebP 格式的照片。");
        await AssertProblemAsync(json, HttpStatusCode.UnsupportedMediaType, "请以 multipart/form-data 上传照片（文件字段 file）。");
        Assert.Equal(0, await UploadCountAsync());
    }

    [Fact]
    public async Task A_photo_over_5_MB_is_refused_with_413_in_Chinese_before_its_body_is_read_and_nothing_is_stored()
    {
        using var uploader = await _world.ConsumerAsync(_world.People[0]);

        // One byte over: the body is within the request limit (the multipart allowance), so the field's own count refuses it.
        using var justOver = await uploader.PostAsync(Uploads, Photos.Form(Photos.Jpeg(Photos.FiveMegabytes + 1)));

        // A declared 8 MB is refused before anything is read: the client waits for 100-continue and never sends the body.
        using var declaredRequest = new HttpRequestMessage(HttpMethod.Post, Uploads) { Content = Photos.Form(Photos.Jpeg(8 * 1024 * 1024)) };
        declaredRequest.Headers.ExpectContinue = true;
        using var declared = await uploader.SendAsync(declaredRequest);

        // Streamed without a length, the server itself stops reading at the route's body limit (not the 1 MB of other routes).
        var route = _world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText?.TrimEnd('/') == "/api/consumer/uploads" && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true);

        await AssertProblemAsync(justOver, HttpStatusCode.RequestEntityTooLarge, "照片不能超过 5 MB，请压缩后重试。");
        await AssertProblemAsync(declared, HttpStatusCode.RequestEntityTooLarge, "照片不能超过 5 MB，请压缩后重试。");
        Assert.Equal(Photos.FiveMegabytes + PhotoIntake.MultipartAllowance, route.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
        Assert.Equal(0, await UploadCountAsync());
    }

    [Fact]
    public async Task An_empty_file_or_a_form_without_the_file_field_is_refused_with_422_naming_the_field()
    {
        using var uploader = await _world.ConsumerAsync(_world.People[0]);

        using var empty = await uploader.PostAsync(Uploads, Photos.Form([]));
        using var otherField = await uploader.PostAsync(Uploads, Photos.Form(Photos.Jpeg(), field: "image"));

        var emptyProblem = await AssertProblemAsync(empty, HttpStatusCode.UnprocessableEntity, "照片是空的，请重新选择。");
        Assert.Equal("照片是空的，请重新选择。", emptyProblem.GetProperty("errors").GetProperty("file")[0].GetString());
        await AssertProblemAsync(otherField, HttpStatusCode.UnprocessableEntity, "请选择一张照片。");
        Assert.Equal(0, await UploadCountAsync());
    }

    [Fact]
    public async Task Photos_no_filing_took_are_purged_with_their_bytes_once_a_day_old_and_newer_ones_stay()
    {
        using var uploader = await _world.ConsumerAsync(_world.People[0]);
        var old = await UploadAsync(uploader, Photos.Jpeg());
        _world.Clock.Advance(TimeSpan.FromHours(23));
        var recent = await UploadAsync(uploader, Photos.Png());
        _world.Clock.Advance(TimeSpan.FromHours(2));

        var scheduler = await _world.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(PurgeUnattachedUploadsJob.Key);
        await Poll.UntilAsync(UploadCountAsync, n => n == 1, Deadline.Scheduler, "the day-old photo to be purged");

        using var gone = await uploader.GetAsync(new Uri(old.Url, UriKind.Relative));
        using var kept = await uploader.GetAsync(new Uri(recent.Url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Null(await _world.Host.Services.GetRequiredService<IUploadStorage>().OpenAsync(old.Id, CancellationToken.None));
    }

    internal static async Task<UploadResponse> UploadAsync(HttpClient consumer, byte[] bytes, string fileName = "IMG_0001.jpg", string contentType = "image/jpeg")
    {
        using var response = await consumer.PostAsync(Uploads, Photos.Form(bytes, fileName, contentType));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var photo = (await response.Content.ReadFromJsonAsync<UploadResponse>())!;
        Assert.Equal(photo.Url, response.Headers.Location?.OriginalString);
        return photo;
    }

    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        return problem;
    }

    private Task<long> UploadCountAsync() => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM uploads", new { });
}

public sealed class UploadTests_on_Sqlite() : UploadTests(DatabaseProvider.Sqlite);

public sealed class UploadTests_on_Postgres() : UploadTests(DatabaseProvider.Postgres);
