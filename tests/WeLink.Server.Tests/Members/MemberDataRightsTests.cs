using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WeLink.Sandbox.World;
using WeLink.Server.Data;
using WeLink.Server.Members.Api;
using WeLink.Server.Members.DataRights;
using WeLink.Server.Tests.Complaints;
using WeLink.Server.Tests.Conversations;

namespace WeLink.Server.Tests.Members;

/// <summary>
/// The member's data rights from the mini program over real HTTP: the profile seen and corrected, an export with
/// everything WeLink holds, and a deletion after which no table holds their phone, name, openids or what they said to a
/// dealer (conversations, kept pictures, the raw pushes) while their cases and messages still count.
/// </summary>
public abstract class MemberDataRightsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ComplaintWorld _world = null!;

    public async Task InitializeAsync() => _world = await ComplaintWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task The_export_is_a_file_of_everything_held_the_correction_and_the_export_itself_included()
    {
        var person = _world.People[0];
        var (client, openId) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            await MemberRequests.JoinAsync(_world, client, person, "join-export", "李伟");
            await ComplaintTests.FileAsync(client, "complaint-export", "服务态度", "normal");
            using (var corrected = await client.PutAsJsonAsync(new Uri("/api/consumer/member/profile", UriKind.Relative), new { name = "李伟明" }))
            {
                Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
                var profile = (await corrected.Content.ReadFromJsonAsync<MemberProfileResponse>())!;
                Assert.Equal("李伟明", profile.Name);
                Assert.Contains(profile.History, c => c is { Field: "name", Value: "李伟明", Source: "miniprogram" });
            }

            await Poll.UntilAsync(
                () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM member_gifts", new { }), n => n == 1, Deadline.Delivery, "the opening gift");
            using var response = await client.GetAsync(new Uri("/api/consumer/member/export", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var member = export.GetProperty("member");
            Assert.Equal(("李伟明", Phone(person), "member"), (member.GetProperty("name").GetString(), member.GetProperty("phone").GetString(), member.GetProperty("status").GetString()));
            Assert.Contains(export.GetProperty("identities").EnumerateArray(), i => i.GetProperty("subject").GetString() == openId);
            Assert.Equal(2, export.GetProperty("consents").GetArrayLength());
            Assert.Contains(export.GetProperty("profileHistory").EnumerateArray(), c => c.GetProperty("value").GetString() == "李伟");
            Assert.Equal(100, export.GetProperty("gifts")[0].GetProperty("points").GetInt64());
            Assert.Equal("export", export.GetProperty("dataRequests")[0].GetProperty("kind").GetString());
            Assert.Equal(
                ["会员入会", "客户投诉"],
                export.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("process").GetString()).Order(StringComparer.Ordinal));
            Assert.All(export.GetProperty("cases").EnumerateArray(), c => Assert.NotEqual(0, c.GetProperty("moves").GetArrayLength()));
        }
    }

    [Fact]
    public async Task Deletion_needs_confirming_and_leaves_no_phone_name_or_openid_anywhere_while_the_cases_still_count()
    {
        var person = _world.People[1];
        await _world.FollowAsync(person);
        await _world.WriteAsync(person, "我是王芳，想预约周六保养");
        await _world.SendMediaAsync(person, "send-image");
        var accountOpenId = await _world.OpenIdAsync(person);
        await Poll.UntilAsync(
            () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_media", new { }), n => n == 1, Deadline.Delivery, "the picture kept");
        var (client, openId) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            await MemberRequests.JoinAsync(_world, client, person, "join-delete", "王芳");
            await ComplaintTests.FileAsync(client, "complaint-before-delete", "服务态度", "normal");
            var messages = await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_messages", new { });
            Assert.Equal(1L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM member_identities WHERE subject = @accountOpenId", new { accountOpenId }));
            using (var export = await client.GetAsync(new Uri("/api/consumer/member/export", UriKind.Relative)))
            {
                var talks = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement.GetProperty("conversations");
                Assert.Contains(talks[0].GetProperty("messages").EnumerateArray(), m => m.GetProperty("text").GetString() == "我是王芳，想预约周六保养");
            }

            var memberId = await _world.QuerySingleAsync<Guid>("SELECT member_id FROM member_identities WHERE subject = @openId", new { openId });
            using (var staff = await _world.StaffAsync(_world.Advisor))
            {
                var timeline = JsonDocument.Parse(await staff.GetStringAsync(new Uri($"/api/staff/members/{memberId}", UriKind.Relative))).RootElement.GetProperty("timeline");
                Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("text").GetString() == "客户：我是王芳，想预约周六保养");
                Assert.Contains(timeline.EnumerateArray(), e => e.GetProperty("text").GetString() == "客户发来图片");
            }

            var cases = await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM cases", new { });
            await Poll.UntilAsync(
                () => _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM outbox WHERE status <> 'done'", new { }),
                pending => pending == 0,
                Deadline.Delivery,
                "every message of the join and the complaint sent");

            using (var unconfirmed = await MemberRequests.PostAsync(client, "/api/consumer/member/delete", "delete-0", new { confirm = false }))
            {
                Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
                Assert.Contains("删除后无法恢复", await unconfirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            using (var deleted = await MemberRequests.PostAsync(client, "/api/consumer/member/delete", "delete-1", new { confirm = true }))
            {
                Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
            }

            var nickname = _world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Consumers.Single(c => c.Consumer.Id == person).Consumer.Nickname;
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, Phone(person)));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, Phone(person)[..3] + "****" + Phone(person)[7..]));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, "王芳"));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, nickname));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, openId));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, accountOpenId));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, "想预约周六保养"));
            Assert.Equal(0L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_media", new { }));
            Assert.Equal(messages, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM conversation_messages", new { }));
            Assert.True(await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM inbox WHERE payload = ''", new { }) >= 3, "the follow, the text and the picture pushes emptied");
            Assert.True(await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM inbox WHERE payload <> ''", new { }) > 0, "pushes about no one (tickets, authorizations) kept");
            Assert.Equal(cases, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM cases", new { }));
            Assert.Equal(1L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM members WHERE status = 'deleted' AND deleted_at IS NOT NULL", new { }));
            Assert.Equal(1L, await _world.QuerySingleAsync<long>("SELECT COUNT(*) FROM member_data_requests WHERE kind = 'delete'", new { }));
        }
    }

    [Fact]
    public async Task A_deletion_a_crash_stopped_part_way_is_finished_by_the_resume_job_and_the_member_is_gone_meanwhile()
    {
        var person = _world.People[0];
        var (client, openId) = await _world.MiniProgramConsumerAsync(person);
        using (client)
        {
            await MemberRequests.JoinAsync(_world, client, person, "join-crash", "赵磊");
            var memberId = await _world.QuerySingleAsync<Guid>("SELECT member_id FROM member_identities WHERE subject = @openId", new { openId });

            // What the deletion's first step leaves when the node dies right after it: the member marked, nothing erased.
            await _world.Database.ExecuteAsync(
                "UPDATE members SET status = 'erasing', updated_at = @at WHERE id = @memberId", new { at = _world.Clock.GetUtcNow().AddMinutes(-10), memberId });
            using (var meanwhile = await client.GetAsync(new Uri("/api/consumer/member", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.NotFound, meanwhile.StatusCode);
            }

            Assert.NotEmpty(await PersonalDataScan.WhereAsync(_world.Database, openId));
            var scheduler = await _world.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(ResumeDeletionsJob.Key);
            await Poll.UntilAsync(
                () => _world.QuerySingleAsync<string>("SELECT status FROM members WHERE id = @memberId", new { memberId }),
                status => status == "deleted",
                Deadline.Scheduler,
                "the interrupted deletion finished");

            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, openId));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, Phone(person)));
            Assert.Empty(await PersonalDataScan.WhereAsync(_world.Database, "赵磊"));
        }
    }

    private string Phone(string person) =>
        _world.Host.Services.GetRequiredService<SandboxWorld>().Snapshot().Consumers.Single(c => c.Consumer.Id == person).Consumer.Phone!;
}

public sealed class MemberDataRightsTests_on_Sqlite() : MemberDataRightsTests(DatabaseProvider.Sqlite);

public sealed class MemberDataRightsTests_on_Postgres() : MemberDataRightsTests(DatabaseProvider.Postgres);
