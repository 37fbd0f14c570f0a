using FluentValidation;
using Microsoft.Extensions.Options;

namespace FocusMate.Core.Push;

public sealed class SubscribePushRequestValidator : AbstractValidator<SubscribePushRequest>
{
    public static readonly string[] Languages = ["en", "ko"];

    public SubscribePushRequestValidator(IOptions<PushOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleFor(r => r.Endpoint).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .MaximumLength(2048)
            .Must(endpoint => PushEndpoints.IsAllowed(endpoint, options.Value.EffectiveAllowedEndpoints))
            .WithMessage("'{PropertyName}' must be the URL of a known push service (the browser's own).");
        RuleFor(r => r.Keys).NotNull();
        RuleFor(r => r.Keys!.P256dh).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(key => Base64Url.DecodedLength(key!) == 65)
            .WithMessage("'keys.p256dh' must be a base64url P-256 public key (65 bytes).")
            .OverridePropertyName("keys.p256dh")
            .When(r => r.Keys is not null);
        RuleFor(r => r.Keys!.Auth).Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(secret => Base64Url.DecodedLength(secret!) == 16)
            .WithMessage("'keys.auth' must be a base64url secret of 16 bytes.")
            .OverridePropertyName("keys.auth")
            .When(r => r.Keys is not null);
        RuleFor(r => r.Language)
            .Must(language => language is null || Languages.Contains(language))
            .WithMessage($"'{{PropertyName}}' must be null or one of {string.Join(", ", Languages)}.");
    }
}
