using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WeLink.Server.Complaints.Api;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Uploads;

/// <summary>
/// Photos filed with a complaint: attached in the filing's transaction (only the filer's own, not yet attached uploads,
/// at most six), once per Idempotency-Key, shown to the consumer and to staff of the case's dealer, and to nobody else.
/// </summary>
public abstract class CasePhotoTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Uri Complaints = new("/api/consumer/complaints", UriKind.Relative);

    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Photos_filed_with_a_complaint_reach_the_consumer_and_staff_of_its_dealer_and_a_replayed_submit_attaches_nothing_twice()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var first = await UploadTests.UploadAsync(consumer, Photos.Jpeg());
        var second = await UploadTests.UploadAsync(consumer, Photos.Png());

        using var filed = await FileAsync(consumer, "with-photos", first.Id, second.Id);
        using var replayed = await FileAsync(consumer, "with-photos", first.Id, second.Id);
        var complaint = (await filed.Content.ReadFromJsonAsync<ComplaintResponse>())!;
        var replay = (await replayed.Content.ReadFromJsonAsync<ComplaintResponse>())!;

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (filed.StatusCode, replayed.StatusCode));
        Assert.Equal(complaint.Id, replay.Id);
        Assert.Equal([(first.Id, first.Url), (second.Id, second.Url)], complaint.Photos.Select(p => (p.Id, p.Url)));
        Assert.Equal((_world.BeijingDealerId, false), (complaint.DealerId, string.IsNullOrEmpty(complaint.DealerName)));
        Assert.Equal(2, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM uploads WHERE case_id = @id", new { id = complaint.Id }));
        Assert.Equal(1, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM complaints", new { }));

        using var manager = await _world.StaffAsync(_world.Manager);
        var page = await manager.GetFromJsonAsync<JsonElement>(new Uri($"/api/staff/cases/{complaint.Id}", UriKind.Relative));
        var staffPhotos = page.GetProperty("photos").EnumerateArray().Select(p => (p.GetProperty("id").GetGuid(), p.GetProperty("url").GetString())).ToList();
        Assert.Equal([(first.Id, $"/api/staff/uploads/{first.Id}"), (second.Id, $"/api/staff/uploads/{second.Id}")], staffPhotos);
        using var seenByStaff = await manager.GetAsync(new Uri(staffPhotos[1].Item2!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, seenByStaff.StatusCode);
        Assert.Equal("image/png", seenByStaff.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(seenByStaff.Headers.GetValues("X-Content-Type-Options")));

        // Another dealer's staff and another consumer get what an unknown id gets.
        using var shanghai = await _world.StaffAsync(_world.ShanghaiManager);
        using var neighbour = await _world.ConsumerAsync(_world.People[1]);
        using var foreignStaff = await shanghai.GetAsync(new Uri($"/api/staff/uploads/{first.Id}", UriKind.Relative));
        using var foreignConsumer = await neighbour.GetAsync(new Uri(first.Url, UriKind.Relative));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreignStaff.StatusCode, foreignConsumer.StatusCode));
    }

    [Fact]
    public async Task Another_consumers_photo_an_attached_one_or_an_unknown_id_refuses_the_whole_filing_with_422_and_nothing_is_kept()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        using var neighbour = await _world.ConsumerAsync(_world.People[1]);
        var own = await UploadTests.UploadAsync(consumer, Photos.Jpeg());
        var theirs = await UploadTests.UploadAsync(neighbour, Photos.Jpeg());
        var used = await UploadTests.UploadAsync(consumer, Photos.Webp());
        using (var taken = await FileAsync(consumer, "takes-the-photo", used.Id))
        {
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        }

        using var withTheirs = await FileAsync(consumer, "theirs", own.Id, theirs.Id);
        using var withUsed = await FileAsync(consumer, "used", own.Id, used.Id);
        using var withUnknown = await FileAsync(consumer, "unknown", Guid.NewGuid());

        foreach (var refused in new[] { withTheirs, withUsed, withUnknown })
        {
            var problem = await UploadTests.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "照片无效：只能使用您自己刚上传、还没有随投诉提交过的照片，请重新选择。");
            Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("errors").GetProperty("photoIds")[0].GetString());
        }

        Assert.Equal(1, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM complaints", new { }));
        Assert.Equal(1, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM cases", new { }));
        Assert.Equal(2, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM uploads WHERE case_id IS NULL", new { }));

        // The refusals kept nothing, so the consumer's own photo still files.
        using var retried = await FileAsync(consumer, "own-only", own.Id);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task More_than_six_photos_or_one_named_twice_is_refused_in_Chinese_before_anything_is_filed()
    {
        using var consumer = await _world.ConsumerAsync(_world.People[0]);
        var photo = await UploadTests.UploadAsync(consumer, Photos.Jpeg());

        using var seven = await FileAsync(consumer, "seven", [.. Enumerable.Range(0, 7).Select(_ => Guid.NewGuid())]);
        using var twice = await FileAsync(consumer, "twice", photo.Id, photo.Id);

        foreach (var refused in new[] { seven, twice })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("最多 6 张照片，且不能重复。", problem.GetProperty("errors").GetProperty("photoIds")[0].GetString());
        }

        Assert.Equal(0, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM complaints", new { }));
    }

    private static async Task<HttpResponseMessage> FileAsync(HttpClient consumer, string key, params Guid[] photoIds)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Complaints)
        {
            Content = JsonContent.Create(new { category = "维修质量", description = "刹车异响，修了两次还没好。", severity = "normal", photoIds }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await consumer.SendAsync(request);
    }
}

public sealed class CasePhotoTests_on_Sqlite() : CasePhotoTests(DatabaseProvider.Sqlite);

public sealed class CasePhotoTests_on_Postgres() : CasePhotoTests(DatabaseProvider.Postgres);
