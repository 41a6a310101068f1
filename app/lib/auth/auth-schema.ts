import { z } from "zod";
import { message } from "../i18n/messages";
import { EmailSchema, NewPasswordSchema, PasswordSchema, requiredText } from "../validation";

export const LoginSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
  redirectTo: z.string().optional(),
});

export const SignupSchema = z.object({
  organizationNameZh: requiredText(200),
  organizationNameEn: requiredText(200),
  name: requiredText(100),
  email: EmailSchema,
  password: NewPasswordSchema,
});

const passwordsMatch = {
  check: (v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword,
  params: { message: message("errors.passwordMismatch"), path: ["confirmPassword"] },
};

export const ChangePasswordSchema = z
  .object({ currentPassword: PasswordSchema, newPassword: NewPasswordSchema, confirmPassword: z.string() })
  .refine(passwordsMatch.check, passwordsMatch.params);
export const ForgotPasswordSchema = z.object({ email: EmailSchema });
export const ResetPasswordSchema = z
  .object({
    token: z.string().min(1, message("errors.resetLinkInvalid")),
    newPassword: NewPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch.check, passwordsMatch.params);

export const AcceptInvitationNewUserSchema = z.object({
  name: requiredText(100),
  password: NewPasswordSchema,
});
export const AcceptInvitationExistingUserSchema = z.object({ password: PasswordSchema });

export const ProfileSchema = z.object({ name: requiredText(100) });
