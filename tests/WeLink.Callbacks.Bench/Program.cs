using System.Globalization;
using System.Text;
using WeLink.Callbacks.Bench;
using WeLink.Sandbox.Hosting;
using WeLink.Server.Hosting;
using WeLink.Wechat.Crypto;

// The callback benchmark's helper (scripts/bench/callbacks.sh, scripts/bench/soak.sh):
//   setup BASEURL OUTFILE DEALERS FOLLOWERS CONTACTS CASES ADMIN_EMAIL ADMIN_PASSWORD [SANDBOX_URL]
//       links DEALERS dealers of the WeLink at BASEURL through the sandbox (its in-process one, or the standalone one at
//       SANDBOX_URL that a cluster's nodes share: scripts/cluster.sh) and the pages,
//       has FOLLOWERS sandbox consumers follow each account and CONTACTS of them added as customers of each corp, gives
//       each corp's two members their roles and has followers file CASES complaints per dealer, and writes what it
//       linked and the open cases' cards to OUTFILE (JSON) for generate-mix.
//   generate-mix WORLD DIR ROUNDS EVENTS WARMUP COMPONENT_APPID COMPONENT_TOKEN COMPONENT_AESKEY SUITE_ID SUITE_TOKEN SUITE_AESKEY
//       writes DIR/warmup.txt (WARMUP pushes) and DIR/events-1..ROUNDS.txt (EVENTS each) of the realistic mix for the
//       dealers of WORLD, sealed with the sandbox's credentials, one "path<TAB>body" a line.
//   generate-minutes WORLD DIR MINUTES PER_MINUTE SPARE START_UNIX COMPONENT_APPID COMPONENT_TOKEN COMPONENT_AESKEY SUITE_ID SUITE_TOKEN SUITE_AESKEY
//       writes DIR/minute-1..MINUTES.txt of the same mix for a paced run starting at START_UNIX: PER_MINUTE pushes (and
//       SPARE more) each, every push sealed at the moment it is due, so the run may outlast WeLink's timestamp tolerance.
//   generate COUNT FILE APPID ORIGINAL_ID TOKEN AESKEY COMPONENT_APPID
//       writes COUNT official-account text messages to ORIGINAL_ID (the account's gh_ id, which WeLink checks against
//       the account's link), each sealed and signed as WeChat sends them to /wechat/component/accounts/APPID/messages,
//       with its own nonce and MsgId, one "path<TAB>body" a line.
//   serve BARE_PORT WELINK_ARGS...
//       WeLink, run as WeLink.Server runs it, listening also on BARE_PORT (name it in --urls), where the first
//       middleware reads each POST body and answers "success": the floor WeLink is compared with, in the same process.
//   serve-sampling BARE_PORT SAMPLE_FILE SECONDS WELINK_ARGS...
//       serve, appending the process's working set, GC heap and collection counts to SAMPLE_FILE every SECONDS.
return args switch
{
    ["setup", var baseUrl, var outFile, var dealers, var followers, var contacts, var cases, var email, var password] => await MixSetup.RunAsync(
        new Uri(baseUrl), new Uri(baseUrl), outFile, Number(dealers), Number(followers), Number(contacts), Number(cases), email, password),
    ["setup", var baseUrl, var outFile, var dealers, var followers, var contacts, var cases, var email, var password, var sandboxUrl] => await MixSetup.RunAsync(
        new Uri(baseUrl), new Uri(sandboxUrl), outFile, Number(dealers), Number(followers), Number(contacts), Number(cases), email, password),
    ["generate-mix", var world, var directory, var rounds, var events, var warmup,
        var componentAppId, var componentToken, var componentAesKey, var suiteId, var suiteToken, var suiteAesKey] => GenerateMix(
        world, directory, Number(rounds), Number(events), Number(warmup), Credentials(componentAppId, componentToken, componentAesKey, suiteId, suiteToken, suiteAesKey)),
    ["generate-minutes", var world, var directory, var minutes, var perMinute, var spare, var start,
        var componentAppId, var componentToken, var componentAesKey, var suiteId, var suiteToken, var suiteAesKey] => GenerateMinutes(
        world, directory, Number(minutes), Number(perMinute), Number(spare), DateTimeOffset.FromUnixTimeSeconds(long.Parse(start, CultureInfo.InvariantCulture)), Credentials(componentAppId, componentToken, componentAesKey, suiteId, suiteToken, suiteAesKey)),
    ["generate", var count, var file, var appId, var originalId, var token, var aesKey, var componentAppId] =>
        Generate(Number(count), file, appId, originalId, token, aesKey, componentAppId),
    ["serve", var barePort, .. var welinkArgs] => await WeLinkApp.RunAsync(
        welinkArgs, builder => builder.Services.AddSingleton<IStartupFilter>(new BareEndpoint(Number(barePort)))),
    ["serve-sampling", var barePort, var sampleFile, var seconds, .. var welinkArgs] => await WeLinkApp.RunAsync(
        welinkArgs, builder => builder.Services
            .AddSingleton<IStartupFilter>(new BareEndpoint(Number(barePort)))
            .AddHostedService(_ => new MemorySampler(sampleFile, TimeSpan.FromSeconds(Number(seconds))))),
    _ => Usage(),
};

static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

// The sandbox's credentials the generated pushes are sealed with, as WeLink's in-process sandbox is given them.
static SandboxOptions Credentials(string componentAppId, string componentToken, string componentAesKey, string suiteId, string suiteToken, string suiteAesKey) => new()
{
    Component = { AppId = componentAppId, Token = componentToken, EncodingAesKey = componentAesKey },
    Suite = { SuiteId = suiteId, Token = suiteToken, EncodingAesKey = suiteAesKey },
};

static int GenerateMix(string worldFile, string directory, int rounds, int events, int warmup, SandboxOptions credentials)
{
    new MixGenerator(MixWorld.Read(worldFile), credentials).Write(directory, rounds, events, warmup);
    return 0;
}

static int GenerateMinutes(string worldFile, string directory, int minutes, int perMinute, int spare, DateTimeOffset start, SandboxOptions credentials)
{
    new MixGenerator(MixWorld.Read(worldFile), credentials).WriteMinutes(directory, minutes, perMinute, spare, start);
    return 0;
}

static int Generate(int count, string file, string appId, string originalId, string token, string aesKey, string componentAppId)
{
    var crypt = new WxBizMsgCrypt(token, aesKey);
    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var firstMsgId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    using var writer = new StreamWriter(file, append: false, new UTF8Encoding(false));
    for (var i = 0; i < count; i++)
    {
        // Nonces and MsgIds start at this run's clock in microseconds-ish, so two generated sets never share one.
        var nonce = (firstMsgId + i).ToString(CultureInfo.InvariantCulture);
        var plaintext = "<xml><ToUserName><![CDATA[" + originalId + "]]></ToUserName><FromUserName><![CDATA[o_bench_follower_"
            + (i % 1000).ToString(CultureInfo.InvariantCulture) + "]]></FromUserName><CreateTime>" + timestamp
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[benchmark message "
            + i.ToString(CultureInfo.InvariantCulture) + "]]></Content><MsgId>"
            + (firstMsgId + i).ToString(CultureInfo.InvariantCulture) + "</MsgId></xml>";
        var encrypt = crypt.Encrypt(plaintext, componentAppId);
        var path = $"/wechat/component/accounts/{appId}/messages?signature={PlainSignature.Compute(token, timestamp, nonce)}"
            + $"&timestamp={timestamp}&nonce={nonce}&openid=o_bench&encrypt_type=aes&msg_signature={crypt.Sign(timestamp, nonce, encrypt)}";
        writer.Write(path);
        writer.Write('\t');
        writer.Write($"<xml><ToUserName><![CDATA[{originalId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");
        writer.Write('\n');
    }

    return 0;
}

static int Usage()
{
    Console.Error.WriteLine(
        "usage: setup BASEURL OUTFILE DEALERS FOLLOWERS CONTACTS CASES ADMIN_EMAIL ADMIN_PASSWORD [SANDBOX_URL]"
        + " | generate-mix WORLD DIR ROUNDS EVENTS WARMUP COMPONENT_APPID COMPONENT_TOKEN COMPONENT_AESKEY SUITE_ID SUITE_TOKEN SUITE_AESKEY"
        + " | generate-minutes WORLD DIR MINUTES PER_MINUTE SPARE START_UNIX COMPONENT_APPID COMPONENT_TOKEN COMPONENT_AESKEY SUITE_ID SUITE_TOKEN SUITE_AESKEY"
        + " | generate COUNT FILE APPID ORIGINAL_ID TOKEN AESKEY COMPONENT_APPID | serve BARE_PORT WELINK_ARGS... | serve-sampling BARE_PORT SAMPLE_FILE SECONDS WELINK_ARGS...");
    return 2;
}
