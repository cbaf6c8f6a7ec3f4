using System.Net;
using WeLink.Server.Data;
using WeLink.Server.Tests.Complaints;

namespace WeLink.Server.Tests.Uploads;

/// <summary>One consumer cannot fill the storage: a daily number of photos per consumer, refused with 429 in Chinese after it.</summary>
public abstract class UploadAllowanceTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_consumer_past_the_daily_allowance_meets_429_in_Chinese_while_another_consumer_uploads_as_usual_and_a_day_later_they_may_again()
    {
        await using var world = await ComplaintWorld.StartAsync(provider, "--Uploads:MaxPerConsumerPerDay=2");
        using var keen = await world.ConsumerAsync(world.People[0]);
        using var neighbour = await world.ConsumerAsync(world.People[1]);

        await UploadTests.UploadAsync(keen, Photos.Jpeg());
        await UploadTests.UploadAsync(keen, Photos.Png());
        using var third = await keen.PostAsync(UploadTests.Uploads, Photos.Form(Photos.Jpeg()));
        await UploadTests.UploadAsync(neighbour, Photos.Jpeg());
        world.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await UploadTests.UploadAsync(keen, Photos.Webp());

        await UploadTests.AssertProblemAsync(third, HttpStatusCode.TooManyRequests, "今天上传的照片已达上限（2 张），请明天再试。");
        Assert.Equal(4, await world.QuerySingleAsync<long>("SELECT COUNT(*) FROM uploads", new { }));
    }
}

public sealed class UploadAllowanceTests_on_Sqlite() : UploadAllowanceTests(DatabaseProvider.Sqlite);

public sealed class UploadAllowanceTests_on_Postgres() : UploadAllowanceTests(DatabaseProvider.Postgres);
