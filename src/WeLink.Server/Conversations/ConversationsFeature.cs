using WeLink.Server.Callbacks.Contracts;
using WeLink.Server.Cases.Contracts;
using WeLink.Server.Conversations.Api;
using WeLink.Server.Conversations.Contracts;
using WeLink.Server.Conversations.Keywords;

namespace WeLink.Server.Conversations;

/// <summary>
/// Consumers writing to their dealer's official account and the dealer's staff answering from the WeCom app: the inbox
/// handler that files each message into a conversation (answering the brand's keywords, telling the duty role of a new one,
/// answering out of hours), the
/// staff API (list, page, media, replies, invitations, a complaint, close), the complaint's timeline entries and the settings the portal edits.
/// </summary>
public static class ConversationsFeature
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ConversationsJsonContext.Default));
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<ConversationMedia>();
        services.AddSingleton<ConversationReplies>();
        services.AddSingleton<ConversationInvitations>();
        services.AddSingleton<ConversationNotices>();
        services.AddSingleton<ConversationComplaints>();
        services.AddSingleton<IPersonConversations, PersonConversations>();
        services.AddSingleton<ICaseTimelineSource, ConversationTimeline>();
        services.AddSingleton<ConversationSettingsStore>();
        services.AddSingleton<IConversationSettings>(sp => sp.GetRequiredService<ConversationSettingsStore>());
        services.AddSingleton<KeywordReplyStore>();
        services.AddSingleton<IKeywordReplies>(sp => sp.GetRequiredService<KeywordReplyStore>());
        services.AddSingleton<CardThumbs>();
        services.AddSingleton<KeywordAnswers>();
        services.AddSingleton<StaffConversationView>();
        services.AddInboxHandler<ConsumerMessageHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapConversations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaffConversationEndpoints();
        return endpoints;
    }
}
