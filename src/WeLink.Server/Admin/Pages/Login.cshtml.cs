using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WeLink.Server.Tenancy;
using WeLink.Server.Tenancy.Access;

namespace WeLink.Server.Admin.Pages;

/// <summary>The portal's sign-in form (antiforgery-checked like every Razor Pages POST).</summary>
public sealed class LoginModel(AdminSignIn signIn) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var attempt = await signIn.SignInAsync(Email, Password, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (attempt.SignedIn)
        {
            await HttpContext.SignInAsync(WeLinkSchemes.Admin, AdminPrincipal.Create(attempt.User!));
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/admin");
        }

        Problem = SignInAttempt.RefusalDetail;
        Password = "";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
