using WeLink.Server.Members.Cards;
using WeLink.Server.Members.Contracts;
using WeLink.Server.Members.Linking;
using WeLink.Server.Members.Merging;
using WeLink.Server.Members.Phones;

namespace WeLink.Server.Members;

public static class MembersFeature
{
    /// <summary>Members: the links every channel reports, phones, merges and card codes.</summary>
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddSingleton<MemberKeys>();
        services.AddSingleton<MemberDirectory>();
        services.AddSingleton<MemberMerges>();
        services.AddSingleton<MemberPhones>();
        services.AddSingleton<MemberCardCodes>();
        services.AddSingleton<IMemberLinks, MemberLinks>();
        return services;
    }
}
