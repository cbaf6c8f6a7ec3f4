namespace WeLink.Wechat.OpenPlatform;

/// <summary>The <c>auth_type</c> of the authorization page: which kind of account the admin may pick.</summary>
public enum ComponentAuthType
{
    OfficialAccount = 1,
    MiniProgram = 2,
    Both = 3,
}
