using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using WeLink.Sandbox.Hosting;
using WeLink.Sandbox.Pushes;

namespace WeLink.Callbacks.Bench;

/// <summary>
/// Writes the realistic callback mix for the dealers of a <see cref="MixWorld"/>, each push sealed and signed by the
/// sandbox's own <see cref="PushEncryption"/> as the platforms seal theirs, one "path&lt;TAB&gt;body" a line. Out of
/// every 20 pushes: 8 followers' text messages, 4 follows and unfollows (alternating), 3 menu clicks, 3 template-send
/// results (TEMPLATESENDJOBFINISH), 1 WeCom customer change (change_external_contact, edit_external_contact) and 1
/// press of a button on an open case's card (template_card_event on the corp's data URL).
/// </summary>
internal sealed class MixGenerator(MixWorld world, SandboxOptions credentials)
{
    /// <summary>The kind of each of 20 consecutive pushes; the comment of scripts/bench/callbacks.sh states the same mix.</summary>
    private static readonly string[] Slots =
    [
        "text", "follow", "text", "click", "text", "finish", "text", "unfollow", "text", "contact",
        "text", "click", "text", "finish", "follow", "text", "click", "finish", "unfollow", "card",
    ];

    private readonly PushEncryption _encryption = new(Options.Create(credentials));

    /// <summary>
    /// Every event's CreateTime (or TimeStamp) is its own second counting back from now, so no two pushes of one person
    /// share WeLink's dedup key (which for events is sender, CreateTime and event, as for the platforms' retries);
    /// nonces and MsgIds count up from this run's clock in microseconds, so two generated sets never share one. Every
    /// push is sealed now, so it must be sent within WeLink's timestamp tolerance.
    /// </summary>
    public void Write(string directory, int rounds, int eventsPerRound, int warmupEvents)
    {
        var now = DateTimeOffset.UtcNow;
        var total = rounds * (long)eventsPerRound + warmupEvents;
        var sequence = new Sequence(now.ToUnixTimeMilliseconds() * 1000, now.ToUnixTimeSeconds() - total);
        sequence = WriteFile(Path.Combine(directory, "warmup.txt"), warmupEvents, sequence, total, _ => now);
        for (var round = 1; round <= rounds; round++)
        {
            sequence = WriteFile(Path.Combine(directory, $"events-{round}.txt"), eventsPerRound, sequence, total, _ => now);
        }
    }

    /// <summary>
    /// Writes DIR/minute-1..MINUTES.txt for a paced run starting at <paramref name="start"/>, each push sealed at the
    /// moment it is due (the i-th of a minute's <paramref name="perMinute"/> at i / perMinute of that minute), so a run
    /// longer than WeLink's timestamp tolerance can be generated ahead. A file holds <paramref name="spare"/> more
    /// pushes than its minute is due to send, sealed after its end, for a pacer that runs a little ahead. CreateTimes
    /// count up from now (a set written by <see cref="Write"/> earlier counts back from its own now), so they never
    /// meet an earlier set's.
    /// </summary>
    public void WriteMinutes(string directory, int minutes, int perMinute, int spare, DateTimeOffset start)
    {
        var now = DateTimeOffset.UtcNow;
        var sequence = new Sequence(now.ToUnixTimeMilliseconds() * 1000, now.ToUnixTimeSeconds());
        var total = minutes * (long)(perMinute + spare);
        for (var minute = 0; minute < minutes; minute++)
        {
            var minuteStart = start.AddMinutes(minute);
            sequence = WriteFile(
                Path.Combine(directory, $"minute-{minute + 1}.txt"), perMinute + spare, sequence, total,
                i => minuteStart.AddSeconds(60.0 * i / perMinute));
        }
    }

    // total: the pushes of all the files written together, of which this file's cases are a share.
    private Sequence WriteFile(string file, int count, Sequence sequence, long total, Func<int, DateTimeOffset> sealedAt)
    {
        var cases = new CaseShare(sequence.Index / Slots.Length, world.Dealers.Count, (double)sequence.Index / total, (double)(sequence.Index + count) / total);
        using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
        for (var i = 0; i < count; i++, sequence = sequence.Next())
        {
            var dealer = world.Dealers[(int)(sequence.Index / Slots.Length % world.Dealers.Count)];
            var push = _encryption.Seal(Message(dealer, sequence, cases), sealedAt(i), sequence.Nonce);
            writer.Write(push.PathAndQuery);
            writer.Write('\t');
            writer.Write(push.Body);
            writer.Write('\n');
        }

        return sequence;
    }

    private PushMessage Message(MixDealer dealer, Sequence sequence, CaseShare cases)
    {
        var slot = Slots[sequence.Index % Slots.Length];
        if (slot == "card")
        {
            // Without a ResponseCode: the sandbox issues one only for a press it pushes itself, and WeLink greys the card
            // out only with one, so the press is the move alone.
            var pressed = cases.Pick(dealer, sequence.Index / Slots.Length);
            var press = new PushXml()
                .Text("ToUserName", dealer.CorpId)
                .Text("FromUserName", pressed.UserId)
                .Number("CreateTime", sequence.CreateTime)
                .Text("MsgType", "event")
                .Text("Event", "template_card_event")
                .Text("EventKey", pressed.Trigger)
                .Text("TaskId", pressed.TaskId)
                .Text("CardType", "button_interaction")
                .Number("AgentID", dealer.AgentId);
            return new PushMessage(
                PushTarget.SuiteData, "template_card_event", press.ToString(), dealer.CorpId, dealer.CorpId,
                dealer.AgentId.ToString(CultureInfo.InvariantCulture));
        }

        if (slot == "contact")
        {
            var contact = dealer.Contacts[(int)(sequence.Index / Slots.Length % dealer.Contacts.Count)];
            var change = new PushXml()
                .Text("SuiteId", credentials.Suite.SuiteId)
                .Text("AuthCorpId", dealer.CorpId)
                .Text("InfoType", "change_external_contact")
                .Number("TimeStamp", sequence.CreateTime)
                .Text("ChangeType", "edit_external_contact")
                .Text("UserID", contact.UserId)
                .Text("ExternalUserID", contact.ExternalUserId);
            return new PushMessage(PushTarget.SuiteInstructions, "change_external_contact", change.ToString());
        }

        // A multiplicative hash spreads consecutive pushes over the followers whatever their count.
        var openId = dealer.Followers[(int)(sequence.Index * 2_654_435_761 % dealer.Followers.Count)];
        var xml = new PushXml()
            .Text("ToUserName", dealer.OriginalId)
            .Text("FromUserName", openId)
            .Number("CreateTime", sequence.CreateTime);
        xml = slot switch
        {
            "text" => xml.Text("MsgType", "text").Text("Content", "压测消息 " + sequence.Index.ToString(CultureInfo.InvariantCulture))
                .Number("MsgId", sequence.MsgId),
            "follow" => xml.Text("MsgType", "event").Text("Event", "subscribe"),
            "unfollow" => xml.Text("MsgType", "event").Text("Event", "unsubscribe"),
            "click" => xml.Text("MsgType", "event").Text("Event", "CLICK").Text("EventKey", "MENU_SERVICE"),
            _ => xml.Text("MsgType", "event").Text("Event", "TEMPLATESENDJOBFINISH").Number("MsgID", sequence.MsgId).Text("Status", "success"),
        };
        return new PushMessage(PushTarget.ComponentMessages, slot, xml.ToString(), dealer.AppId, dealer.OriginalId, OpenId: openId);
    }

    /// <summary>
    /// The cases a file presses: each dealer's cases are shared out among the files in proportion to their pushes, so a
    /// file's presses, sent from its start, each move a case no earlier file pressed, until the file's share runs out and
    /// its presses come round again as replays (the same card and button, which must not move the case twice).
    /// </summary>
    private readonly record struct CaseShare(long FirstBlock, int Dealers, double From, double To)
    {
        public MixCase Pick(MixDealer dealer, long block)
        {
            if (dealer.Cases.Count == 0)
            {
                throw new InvalidOperationException($"Dealer {dealer.DealerId} has no open case to press: run setup with CASES of at least 1.");
            }

            var first = Math.Min((int)(From * dealer.Cases.Count), dealer.Cases.Count - 1);
            var size = Math.Max((int)(To * dealer.Cases.Count) - first, 1);
            return dealer.Cases[first + (int)((block - FirstBlock) / Dealers % size)];
        }
    }

    private readonly record struct Sequence(long FirstId, long FirstSecond, long Index = 0)
    {
        public string Nonce => (FirstId + Index).ToString(CultureInfo.InvariantCulture);

        public long MsgId => FirstId + Index;

        public long CreateTime => FirstSecond + Index;

        public Sequence Next() => this with { Index = Index + 1 };
    }
}
