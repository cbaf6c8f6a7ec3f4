using WeLink.Sandbox.Time;

namespace WeLink.Sandbox.World;

/// <summary>
/// Everything the fake WeChat and WeCom know about accounts, people and their relations. One lock
/// guards it all: the sandbox serves a handful of callers, and one lock keeps every rule atomic.
/// </summary>
public sealed class SandboxWorld(SandboxClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Owner> _owners = [];
    private readonly Dictionary<string, OfficialAccount> _accounts = [];
    private readonly Dictionary<string, Consumer> _consumers = [];
    private readonly Dictionary<(string AppId, string ConsumerId), string> _openIds = [];
    private readonly Dictionary<(string AppId, string OpenId), string> _consumerByOpenId = [];
    private readonly Dictionary<string, OpenAccount> _openAccounts = [];

    // Keyed by the open-platform account: its owner's id for the owner's own (as before open accounts were modelled,
    // so older state files keep their unionids), else its open appid.
    private readonly Dictionary<(string OwnerId, string ConsumerId), string> _unionIds = [];
    private readonly Dictionary<(string AppId, string OpenId), Follow> _follows = [];
    private readonly Dictionary<(string AppId, string OpenId), DateTimeOffset> _lastInteraction = [];
    private readonly Dictionary<(string AppId, string OpenId, string TemplateId), int> _subscribeGrants = [];
    private readonly Dictionary<string, string> _menus = [];
    private readonly Dictionary<string, QrCode> _qrCodes = [];
    private readonly Dictionary<string, WecomCorp> _corps = [];
    private readonly Dictionary<string, Dictionary<int, Department>> _departments = [];
    private readonly Dictionary<string, Dictionary<string, StaffMember>> _staff = [];
    private readonly Dictionary<string, Dictionary<string, ExternalContact>> _externalContacts = [];
    private readonly Dictionary<(string CorpId, string ConsumerId), PendingIdEntry> _pendingIds = [];
    private readonly List<WrittenMessage> _written = [];

    // Media accounts uploaded (media/upload): kept in memory only, like WeChat's 3-day temporary media; a restart forgets them.
    private readonly List<UploadedMedia> _uploaded = [];

    /// <summary>An owner, with their own open-platform account made in the console.</summary>
    public Owner AddOwner(string name)
    {
        var owner = new Owner("owner-" + OpaqueIds.Secret(8).ToLowerInvariant(), name);
        lock (_gate)
        {
            _owners.Add(owner.Id, owner);
            AddConsoleOpenAccount(owner.Id);
        }

        return owner;
    }

    public OfficialAccount AddAccount(
        string ownerId,
        string nickname,
        AccountKind kind,
        bool verified,
        IReadOnlyList<MessageTemplate>? templates = null,
        IReadOnlyList<MessageTemplate>? subscribeTemplates = null,
        bool boundToOwner = true)
    {
        lock (_gate)
        {
            if (!_owners.TryGetValue(ownerId, out var owner))
            {
                throw new WorldException($"No owner '{ownerId}'. Create the owner first.");
            }

            var account = new OfficialAccount(
                OpaqueIds.AppId(),
                OpaqueIds.OriginalId(),
                nickname,
                owner.Name,
                kind,
                verified,
                ownerId,
                templates ?? [],
                subscribeTemplates ?? [],
                boundToOwner ? ConsoleOpenAccountOf(ownerId).OpenAppId : null);
            _accounts.Add(account.AppId, account);
            return account;
        }
    }

    public OpenAccount? FindOpenAccount(string openAppId)
    {
        lock (_gate)
        {
            return _openAccounts.GetValueOrDefault(openAppId);
        }
    }

    /// <summary>cgi-bin/open/create: a new open-platform account of the account's owner, unverified, with the account bound to it.</summary>
    public OpenAccount CreateOpenAccount(string appId)
    {
        lock (_gate)
        {
            var account = AccountOrThrow(appId);
            var open = new OpenAccount(OpaqueIds.AppId(), account.OwnerId, CreatedByApi: true);
            _openAccounts.Add(open.OpenAppId, open);
            _accounts[appId] = account with { OpenAppId = open.OpenAppId };
            return open;
        }
    }

    /// <summary>Binds the account to the open-platform account, or (null) unbinds it: its consumers' unionid follows.</summary>
    public OfficialAccount SetOpenAccount(string appId, string? openAppId)
    {
        lock (_gate)
        {
            return _accounts[appId] = AccountOrThrow(appId) with { OpenAppId = openAppId };
        }
    }

    /// <summary>Adds a template to the account; false (nothing added) when the account already holds <paramref name="slots"/>.</summary>
    public bool AddTemplate(string appId, MessageTemplate template, int slots) =>
        AddTo(appId, slots, a => a.Templates, a => a with { Templates = [.. a.Templates, template] });

    /// <summary>Adds a subscribe template (a mini program's priTmplId); false (nothing added) when it already holds <paramref name="slots"/>.</summary>
    public bool AddSubscribeTemplate(string appId, MessageTemplate template, int slots) =>
        AddTo(appId, slots, a => a.SubscribeTemplates, a => a with { SubscribeTemplates = [.. a.SubscribeTemplates, template] });

    private bool AddTo(string appId, int slots, Func<OfficialAccount, IReadOnlyList<MessageTemplate>> held, Func<OfficialAccount, OfficialAccount> add)
    {
        lock (_gate)
        {
            var account = AccountOrThrow(appId);
            if (held(account).Count >= slots)
            {
                return false;
            }

            _accounts[appId] = add(account);
            return true;
        }
    }

    /// <summary>A consumer with the phone given, else a made-up mainland mobile number.</summary>
    public Consumer AddConsumer(string nickname, string? phone = null)
    {
        var consumer = new Consumer(
            "consumer-" + OpaqueIds.Secret(8).ToLowerInvariant(),
            nickname,
            $"https://thirdwx.qlogo.cn/sandbox/{Uri.EscapeDataString(nickname)}/132",
            phone ?? OpaqueIds.MobileNumber());
        lock (_gate)
        {
            _consumers.Add(consumer.Id, consumer);
        }

        return consumer;
    }

    /// <summary>A corp, of the owner <paramref name="ownerId"/> as its subject when given.</summary>
    public WecomCorp AddCorp(string name, IReadOnlyList<string> departmentNames, string? ownerId = null)
    {
        var corp = new WecomCorp(OpaqueIds.CorpId(), name, name + " Co., Ltd.", 1000000 + Random.Shared.Next(1, 999), ownerId);
        lock (_gate)
        {
            if (ownerId is not null && !_owners.ContainsKey(ownerId))
            {
                throw new WorldException($"No owner '{ownerId}'. Create the owner first.");
            }

            _corps.Add(corp.CorpId, corp);
            var departments = new Dictionary<int, Department> { [1] = new(1, name, 0) };
            for (var i = 0; i < departmentNames.Count; i++)
            {
                departments.Add(i + 2, new Department(i + 2, departmentNames[i], 1));
            }

            _departments.Add(corp.CorpId, departments);
            _staff.Add(corp.CorpId, []);
            _externalContacts.Add(corp.CorpId, []);
        }

        return corp;
    }

    public StaffMember AddStaff(string corpId, string name, int departmentId, string position, string mobile)
    {
        lock (_gate)
        {
            var departments = DepartmentsOf(corpId);
            if (!departments.ContainsKey(departmentId))
            {
                throw new WorldException($"Corp '{corpId}' has no department {departmentId}.");
            }

            var member = new StaffMember(OpaqueIds.UserId(), OpaqueIds.UserId(), name, [departmentId], position, mobile);
            _staff[corpId].Add(member.UserId, member);
            return member;
        }
    }

    public StaffMember UpdateStaff(string corpId, string userId, string? name, string? position)
    {
        lock (_gate)
        {
            var staff = StaffMapOrThrow(corpId);
            var member = staff.GetValueOrDefault(userId) ?? throw new WorldException($"Corp '{corpId}' has no staff member '{userId}'.");
            return staff[userId] = member with { Name = name ?? member.Name, Position = position ?? member.Position };
        }
    }

    public StaffMember RemoveStaff(string corpId, string userId)
    {
        lock (_gate)
        {
            return StaffMapOrThrow(corpId).Remove(userId, out var member)
                ? member
                : throw new WorldException($"Corp '{corpId}' has no staff member '{userId}'.");
        }
    }

    public ExternalContact AddExternalContact(string corpId, string consumerId, string followUserId) =>
        AddFollow(corpId, consumerId, followUserId).Contact;

    /// <summary>The member adds the consumer as an external contact; <c>Added</c> is false when they had already.</summary>
    public (ExternalContact Contact, bool Added) AddFollow(string corpId, string consumerId, string followUserId)
    {
        lock (_gate)
        {
            var corp = CorpOrThrow(corpId);
            var consumer = ConsumerOrThrow(consumerId);
            if (!_staff[corp.CorpId].ContainsKey(followUserId))
            {
                throw new WorldException($"Corp '{corpId}' has no staff member '{followUserId}'.");
            }

            var contacts = _externalContacts[corp.CorpId];
            var existing = contacts.Values.FirstOrDefault(c => c.ConsumerId == consumerId);
            if (existing?.FollowUserIds.Contains(followUserId) == true)
            {
                return (existing, false);
            }

            var contact = existing is null
                ? new ExternalContact(OpaqueIds.ExternalUserId(), consumerId, consumer.Nickname, [followUserId], clock.GetUtcNow())
                : existing with { FollowUserIds = [.. existing.FollowUserIds, followUserId] };
            contacts[contact.ExternalUserId] = contact;
            return (contact, true);
        }
    }

    /// <summary>The member sets their remark on the contact (they must be following them).</summary>
    public ExternalContact SetRemark(string corpId, string externalUserId, string userId, string remark) =>
        ChangeFollow(corpId, externalUserId, userId, c => c with { Remarks = new Dictionary<string, string>(c.Remarks ?? new Dictionary<string, string>()) { [userId] = remark } });

    /// <summary>The relation between the member and the contact ends (either side deleted the other).</summary>
    public ExternalContact RemoveFollow(string corpId, string externalUserId, string userId) =>
        ChangeFollow(corpId, externalUserId, userId, c => c with { FollowUserIds = [.. c.FollowUserIds.Where(u => u != userId)] });

    private ExternalContact ChangeFollow(string corpId, string externalUserId, string userId, Func<ExternalContact, ExternalContact> change)
    {
        lock (_gate)
        {
            CorpOrThrow(corpId);
            var contacts = _externalContacts[corpId];
            if (contacts.GetValueOrDefault(externalUserId) is not { } contact || !contact.FollowUserIds.Contains(userId))
            {
                throw new WorldException($"'{externalUserId}' is not an external contact staff member '{userId}' has added in corp '{corpId}'.");
            }

            return contacts[externalUserId] = change(contact);
        }
    }

    public OfficialAccount? FindAccount(string appId)
    {
        lock (_gate)
        {
            return _accounts.GetValueOrDefault(appId);
        }
    }

    public Consumer? FindConsumer(string consumerId)
    {
        lock (_gate)
        {
            return _consumers.GetValueOrDefault(consumerId);
        }
    }

    public WecomCorp? FindCorp(string corpId)
    {
        lock (_gate)
        {
            return _corps.GetValueOrDefault(corpId);
        }
    }

    public StaffMember? FindStaff(string corpId, string userId)
    {
        lock (_gate)
        {
            return _staff.TryGetValue(corpId, out var staff) ? staff.GetValueOrDefault(userId) : null;
        }
    }

    public ExternalContact? FindExternalContact(string corpId, string externalUserId)
    {
        lock (_gate)
        {
            return _externalContacts.TryGetValue(corpId, out var contacts) ? contacts.GetValueOrDefault(externalUserId) : null;
        }
    }

    /// <summary>
    /// idconvert/unionid_to_external_userid with subject_type 0: the openid must be one an account gave the person, the
    /// unionid the one that account's open-platform account gives them, and the account, the open-platform account and
    /// the corp must share one subject. A contact of the corp (someone follows them) is answered by external_userid;
    /// anyone else by the pending_id issued for them in this corp, issued now unless one younger than
    /// <paramref name="pendingLifetime"/> exists.
    /// </summary>
    public UnionIdConversion ConvertUnionId(string corpId, string unionId, string openId, TimeSpan pendingLifetime)
    {
        lock (_gate)
        {
            var corp = CorpOrThrow(corpId);
            var issuer = _consumerByOpenId.FirstOrDefault(o => o.Key.OpenId == openId);
            if (issuer.Value is not { } consumerId
                || _accounts[issuer.Key.AppId] is not { OpenAppId: { } openAppId } account
                || _openAccounts[openAppId] is not { } open
                || !_unionIds.TryGetValue((open.CreatedByApi ? open.OpenAppId : open.OwnerId, consumerId), out var issued)
                || issued != unionId
                || corp.OwnerId is null || account.OwnerId != corp.OwnerId || open.OwnerId != corp.OwnerId)
            {
                return new UnionIdConversion(UnionIdConversionOutcome.Mismatch);
            }

            if (_externalContacts[corpId].Values.FirstOrDefault(c => c.ConsumerId == consumerId && c.FollowUserIds.Count > 0) is { } contact)
            {
                return new UnionIdConversion(UnionIdConversionOutcome.Converted, ExternalUserId: contact.ExternalUserId);
            }

            var now = clock.GetUtcNow();
            if (!_pendingIds.TryGetValue((corpId, consumerId), out var pending) || pending.IssuedAt + pendingLifetime <= now)
            {
                pending = new PendingIdEntry(corpId, consumerId, OpaqueIds.PendingId(), now);
                _pendingIds[(corpId, consumerId)] = pending;
            }

            return new UnionIdConversion(UnionIdConversionOutcome.Converted, PendingId: pending.PendingId);
        }
    }

    /// <summary>
    /// idconvert/batch/external_userid_to_pending_id: of these contacts of the corp, those for whom a pending_id still
    /// valid was issued, with it.
    /// </summary>
    public IReadOnlyList<(string ExternalUserId, string PendingId)> PendingIdsOf(string corpId, IEnumerable<string> externalUserIds, TimeSpan pendingLifetime)
    {
        lock (_gate)
        {
            var contacts = _externalContacts.GetValueOrDefault(corpId) ?? [];
            var now = clock.GetUtcNow();
            return [.. externalUserIds
                .Distinct(StringComparer.Ordinal)
                .Select(id => contacts.GetValueOrDefault(id))
                .OfType<ExternalContact>()
                .Select(c => (c.ExternalUserId, Pending: _pendingIds.GetValueOrDefault((corpId, c.ConsumerId))))
                .Where(p => p.Pending is not null && p.Pending.IssuedAt + pendingLifetime > now)
                .Select(p => (p.ExternalUserId, p.Pending!.PendingId))];
        }
    }

    public IReadOnlyList<StaffMember> StaffOf(string corpId)
    {
        lock (_gate)
        {
            return _staff.TryGetValue(corpId, out var staff) ? [.. staff.Values] : [];
        }
    }

    /// <summary>The consumer's openid for this account (and unionid for its owner), minted on first sight.</summary>
    public ConsumerIdentity IdentityOf(string appId, string consumerId)
    {
        lock (_gate)
        {
            var account = AccountOrThrow(appId);
            ConsumerOrThrow(consumerId);
            if (!_openIds.TryGetValue((appId, consumerId), out var openId))
            {
                openId = OpaqueIds.OpenId();
                _openIds.Add((appId, consumerId), openId);
                _consumerByOpenId.Add((appId, openId), consumerId);
            }

            return new ConsumerIdentity(consumerId, appId, openId, UnionIdOf(account, consumerId));
        }
    }

    public ConsumerIdentity? FindByOpenId(string appId, string openId)
    {
        lock (_gate)
        {
            if (!_consumerByOpenId.TryGetValue((appId, openId), out var consumerId))
            {
                return null;
            }

            return new ConsumerIdentity(consumerId, appId, openId, UnionIdOf(_accounts[appId], consumerId));
        }
    }

    public Follow? FollowOf(string appId, string openId)
    {
        lock (_gate)
        {
            return _follows.GetValueOrDefault((appId, openId));
        }
    }

    public Follow SetFollow(string appId, string openId, bool subscribed, string scene, string? qrScene)
    {
        lock (_gate)
        {
            var follow = new Follow(subscribed, clock.GetUtcNow(), scene, qrScene);
            _follows[(appId, openId)] = follow;
            if (subscribed)
            {
                _lastInteraction[(appId, openId)] = follow.Since;
            }

            return follow;
        }
    }

    /// <summary>Records that the consumer did something that opens the customer-service window.</summary>
    public void RecordInteraction(string appId, string openId)
    {
        lock (_gate)
        {
            _lastInteraction[(appId, openId)] = clock.GetUtcNow();
        }
    }

    /// <summary>Keeps what the consumer wrote, so their phone shows both sides of the chat.</summary>
    public void RecordWritten(string appId, string openId, string content)
    {
        lock (_gate)
        {
            _written.Add(new WrittenMessage(appId, openId, content, clock.GetUtcNow()));
        }
    }

    /// <summary>Keeps a picture or voice the consumer sent; the account may fetch it by the returned media id (media/get).</summary>
    public WrittenMessage RecordWrittenMedia(string appId, string openId, string kind)
    {
        var written = new WrittenMessage(appId, openId, "", clock.GetUtcNow(), kind, OpaqueIds.Secret(32));
        lock (_gate)
        {
            _written.Add(written);
        }

        return written;
    }

    /// <summary>The picture or voice a consumer sent to the account under this media id; null for another account's or an unknown id.</summary>
    public WrittenMessage? FindMedia(string appId, string mediaId)
    {
        lock (_gate)
        {
            return _written.FirstOrDefault(w => w.MediaId == mediaId && w.AppId == appId);
        }
    }

    /// <summary>Keeps a file the account uploaded as temporary media; returns its media id.</summary>
    public UploadedMedia RecordUpload(string appId, string type)
    {
        var uploaded = new UploadedMedia(appId, OpaqueIds.Secret(64), type, clock.GetUtcNow());
        lock (_gate)
        {
            _uploaded.Add(uploaded);
        }

        return uploaded;
    }

    /// <summary>Media this account uploaded under the id; null for another account's or an unknown id.</summary>
    public UploadedMedia? FindUpload(string appId, string mediaId)
    {
        lock (_gate)
        {
            return _uploaded.FirstOrDefault(u => u.MediaId == mediaId && u.AppId == appId);
        }
    }

    public IReadOnlyList<WrittenMessage> Written()
    {
        lock (_gate)
        {
            return [.. _written];
        }
    }

    public DateTimeOffset? LastInteraction(string appId, string openId)
    {
        lock (_gate)
        {
            return _lastInteraction.TryGetValue((appId, openId), out var at) ? at : null;
        }
    }

    public void GrantSubscription(string appId, string openId, string templateId)
    {
        lock (_gate)
        {
            _subscribeGrants[(appId, openId, templateId)] = _subscribeGrants.GetValueOrDefault((appId, openId, templateId)) + 1;
        }
    }

    /// <summary>The consumer turned the template off: every acceptance they gave is gone.</summary>
    public void RevokeSubscriptions(string appId, string openId, string templateId)
    {
        lock (_gate)
        {
            _subscribeGrants.Remove((appId, openId, templateId));
        }
    }

    /// <summary>How many more messages of the template the consumer allows.</summary>
    public int SubscriptionsLeft(string appId, string openId, string templateId)
    {
        lock (_gate)
        {
            return _subscribeGrants.GetValueOrDefault((appId, openId, templateId));
        }
    }

    /// <summary>Uses up one consent to a subscribe notice; false when the consumer has none left.</summary>
    public bool TryUseSubscription(string appId, string openId, string templateId)
    {
        lock (_gate)
        {
            var left = _subscribeGrants.GetValueOrDefault((appId, openId, templateId));
            if (left <= 0)
            {
                return false;
            }

            _subscribeGrants[(appId, openId, templateId)] = left - 1;
            return true;
        }
    }

    public void SetMenu(string appId, string menuJson)
    {
        lock (_gate)
        {
            _menus[appId] = menuJson;
        }
    }

    public string? MenuOf(string appId)
    {
        lock (_gate)
        {
            return _menus.GetValueOrDefault(appId);
        }
    }

    public QrCode AddQrCode(string appId, string scene, TimeSpan? lifetime)
    {
        var now = clock.GetUtcNow();
        var qrCode = new QrCode("gQ" + OpaqueIds.Secret(54), appId, scene, lifetime is { } l ? now + l : null);
        lock (_gate)
        {
            _qrCodes.Add(qrCode.Ticket, qrCode);
        }

        return qrCode;
    }

    public QrCode? FindQrCode(string ticket)
    {
        lock (_gate)
        {
            return _qrCodes.GetValueOrDefault(ticket);
        }
    }

    public WorldSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new WorldSnapshot(
                [.. _owners.Values],
                [.. _accounts.Values],
                [.. _consumers.Values.Select(c => new ConsumerSnapshot(
                    c,
                    [.. _openIds.Where(o => o.Key.ConsumerId == c.Id).Select(o => IdentityLocked(o.Key.AppId, c.Id, o.Value))]))],
                [.. _corps.Values.Select(corp => new CorpSnapshot(
                    corp,
                    [.. _departments[corp.CorpId].Values],
                    [.. _staff[corp.CorpId].Values],
                    [.. _externalContacts[corp.CorpId].Values]))]);
        }
    }

    /// <summary>The whole world as plain data, for <see cref="Restore"/> after a restart.</summary>
    public WorldState Export()
    {
        lock (_gate)
        {
            return new WorldState(
                [.. _owners.Values],
                [.. _accounts.Values],
                [.. _consumers.Values],
                [.. _openIds.Select(o => new OpenIdEntry(o.Key.AppId, o.Key.ConsumerId, o.Value))],
                [.. _unionIds.Select(u => new UnionIdEntry(u.Key.OwnerId, u.Key.ConsumerId, u.Value))],
                [.. _follows.Select(f => new FollowEntry(f.Key.AppId, f.Key.OpenId, f.Value))],
                [.. _lastInteraction.Select(i => new InteractionEntry(i.Key.AppId, i.Key.OpenId, i.Value))],
                [.. _subscribeGrants.Select(g => new SubscriptionEntry(g.Key.AppId, g.Key.OpenId, g.Key.TemplateId, g.Value))],
                [.. _menus.Select(m => new MenuEntry(m.Key, m.Value))],
                [.. _qrCodes.Values],
                [.. _corps.Values.Select(corp => new CorpSnapshot(
                    corp,
                    [.. _departments[corp.CorpId].Values],
                    [.. _staff[corp.CorpId].Values],
                    [.. _externalContacts[corp.CorpId].Values]))],
                [.. _written],
                [.. _openAccounts.Values],
                [.. _pendingIds.Values]);
        }
    }

    /// <summary>Replaces everything with what <see cref="Export"/> wrote.</summary>
    public void Restore(WorldState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (_gate)
        {
            Clear();
            foreach (var owner in state.Owners)
            {
                _owners.Add(owner.Id, owner);
            }

            foreach (var open in state.OpenAccounts ?? [])
            {
                _openAccounts.Add(open.OpenAppId, open);
            }

            // A file saved before open accounts were modelled: every account was bound to its owner's.
            var legacy = state.OpenAccounts is null;
            if (legacy)
            {
                foreach (var owner in state.Owners)
                {
                    AddConsoleOpenAccount(owner.Id);
                }
            }

            foreach (var account in state.Accounts)
            {
                _accounts.Add(account.AppId, legacy ? account with { OpenAppId = ConsoleOpenAccountOf(account.OwnerId).OpenAppId } : account);
            }

            foreach (var consumer in state.Consumers)
            {
                _consumers.Add(consumer.Id, consumer);
            }

            foreach (var openId in state.OpenIds)
            {
                _openIds.Add((openId.AppId, openId.ConsumerId), openId.OpenId);
                _consumerByOpenId.Add((openId.AppId, openId.OpenId), openId.ConsumerId);
            }

            foreach (var unionId in state.UnionIds)
            {
                _unionIds.Add((unionId.OwnerId, unionId.ConsumerId), unionId.UnionId);
            }

            foreach (var follow in state.Follows)
            {
                _follows.Add((follow.AppId, follow.OpenId), follow.Follow);
            }

            foreach (var interaction in state.Interactions)
            {
                _lastInteraction.Add((interaction.AppId, interaction.OpenId), interaction.At);
            }

            foreach (var grant in state.Subscriptions)
            {
                _subscribeGrants.Add((grant.AppId, grant.OpenId, grant.TemplateId), grant.Left);
            }

            foreach (var menu in state.Menus)
            {
                _menus.Add(menu.AppId, menu.MenuJson);
            }

            foreach (var qrCode in state.QrCodes)
            {
                _qrCodes.Add(qrCode.Ticket, qrCode);
            }

            foreach (var corp in state.Corps)
            {
                _corps.Add(corp.Corp.CorpId, corp.Corp);
                _departments.Add(corp.Corp.CorpId, corp.Departments.ToDictionary(d => d.Id));
                _staff.Add(corp.Corp.CorpId, corp.Staff.ToDictionary(s => s.UserId));
                _externalContacts.Add(corp.Corp.CorpId, corp.ExternalContacts.ToDictionary(c => c.ExternalUserId));
            }

            _written.AddRange(state.Written ?? []);
            foreach (var pending in state.PendingIds ?? [])
            {
                _pendingIds.Add((pending.CorpId, pending.ConsumerId), pending);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _owners.Clear();
            _openAccounts.Clear();
            _accounts.Clear();
            _consumers.Clear();
            _openIds.Clear();
            _consumerByOpenId.Clear();
            _unionIds.Clear();
            _follows.Clear();
            _lastInteraction.Clear();
            _subscribeGrants.Clear();
            _menus.Clear();
            _qrCodes.Clear();
            _corps.Clear();
            _departments.Clear();
            _staff.Clear();
            _externalContacts.Clear();
            _pendingIds.Clear();
            _written.Clear();
            _uploaded.Clear();
        }
    }

    private ConsumerIdentity IdentityLocked(string appId, string consumerId, string openId) =>
        new(consumerId, appId, openId, UnionIdOf(_accounts[appId], consumerId));

    private string? UnionIdOf(OfficialAccount account, string consumerId)
    {
        if (account.OpenAppId is null)
        {
            return null;
        }

        var open = _openAccounts[account.OpenAppId];
        var key = open.CreatedByApi ? open.OpenAppId : open.OwnerId;
        if (!_unionIds.TryGetValue((key, consumerId), out var unionId))
        {
            unionId = OpaqueIds.UnionId();
            _unionIds.Add((key, consumerId), unionId);
        }

        return unionId;
    }

    private OpenAccount AddConsoleOpenAccount(string ownerId)
    {
        var open = new OpenAccount(OpaqueIds.AppId(), ownerId, CreatedByApi: false);
        _openAccounts.Add(open.OpenAppId, open);
        return open;
    }

    private OpenAccount ConsoleOpenAccountOf(string ownerId) =>
        _openAccounts.Values.First(o => o.OwnerId == ownerId && !o.CreatedByApi);

    private OfficialAccount AccountOrThrow(string appId) =>
        _accounts.GetValueOrDefault(appId) ?? throw new WorldException($"No account with appid '{appId}'.");

    private Consumer ConsumerOrThrow(string consumerId) =>
        _consumers.GetValueOrDefault(consumerId) ?? throw new WorldException($"No consumer '{consumerId}'.");

    private WecomCorp CorpOrThrow(string corpId) =>
        _corps.GetValueOrDefault(corpId) ?? throw new WorldException($"No corp with corpid '{corpId}'.");

    private Dictionary<string, StaffMember> StaffMapOrThrow(string corpId) =>
        _staff.GetValueOrDefault(corpId) ?? throw new WorldException($"No corp with corpid '{corpId}'.");

    private Dictionary<int, Department> DepartmentsOf(string corpId) =>
        _departments.GetValueOrDefault(corpId) ?? throw new WorldException($"No corp with corpid '{corpId}'.");
}
