// Emails (the server sends them; never sent to a browser).
export const emails = {
  emails: {
    footer: "Tradeguard · trade-security compliance. You receive this email because of an action in Tradeguard.",
    linkFallback: "If the button does not work, open this address:",
    invitation: {
      subject: "Invitation to join {{organization}} on Tradeguard",
      greeting: "Hello,",
      body: "{{inviter}} invites you to join {{organization}} on Tradeguard as {{role}}.",
      button: "Accept the invitation",
      expires: "The link works once and expires on {{expiresAt}}.",
      ignore: "If you did not expect this invitation, ignore this email.",
    },
    partnerQuestionnaire: {
      subject: "{{organization}}: trade-security questionnaire",
      greeting: "Dear {{partner}},",
      body: "{{sender}} of {{organization}} asks you to answer our trade-security questionnaire, as customs AEO certification requires us to evaluate our partners. No account is needed: the link opens your questionnaire, where you can also upload documents.",
      button: "Answer the questionnaire",
      expires: "The link works until {{expiresAt}}.",
    },
    passwordReset: {
      subject: "Reset your Tradeguard password",
      greeting: "Hello {{name}},",
      body: "Someone asked to reset the password of your Tradeguard account. Use the button to set a new one.",
      button: "Set a new password",
      expires: "The link works once and expires on {{expiresAt}}.",
      ignore: "If you did not ask for this, ignore this email: your password stays as it is.",
    },
    signupAttempt: {
      subject: "Someone tried to sign up to Tradeguard with your email address",
      greeting: "Hello {{name}},",
      body: "Someone just tried to create a new organisation on Tradeguard with this email address. The address already belongs to your account, so nothing was created and your account has not changed.",
      ifYou:
        "If it was you, log in with your password. To work in another organisation too, ask one of its owners or administrators to invite this address: one account can belong to several organisations.",
      button: "Log in",
      forgot: "Forgot your password? Ask for a reset link here:",
      ignore: "If it was not you, ignore this email: nobody can use your account without your password.",
    },
  },
};
