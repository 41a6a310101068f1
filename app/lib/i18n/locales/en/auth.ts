// Logging in, signing up, password reset, invitations and the account page.
export const auth = {
  login: {
    title: "Log in",
    submit: "Log in",
    forgot: "Forgot your password?",
    signupLink: "New to Tradeguard? Create an organisation",
    passwordWasReset: "Your password was changed. Log in with the new one.",
  },
  signup: {
    title: "Create your organisation",
    intro: "You become its owner and can invite your colleagues afterwards.",
    submit: "Create organisation",
    loginLink: "Already have an account? Log in",
    checkEmail: "Check your inbox: we have sent {{email}} an email about how to continue.",
  },
  reset: {
    title: "Reset your password",
    intro: "Enter your account's email. We send a link to set a new password; it works for one hour.",
    send: "Send the link",
    sent: "If an account uses this address, a reset link is on its way. Check your inbox (in the embedded demo, an administrator finds it under Settings › Email outbox).",
    submit: "Set the new password",
    requestAgain: "Ask for a new link",
    backToLogin: "Back to log in",
  },
  invite: {
    title: "Join an organisation",
    intro: "You are invited to join {{organization}} as {{role}}, with the address {{email}}.",
    existingAccount: "You already have a Tradeguard account with this address. Enter its password to accept.",
    accept: "Accept the invitation",
  },
  account: {
    title: "My account",
    profile: "Profile",
    profileSaved: "Your profile was saved.",
    changePassword: "Change password",
    passwordChanged: "Your password was changed. Your other sessions were signed out.",
    otherSessionsSignedOut: "Changing the password signs out every other session of this account.",
    organizations: "Your organisations",
    current: "current",
    switch: "Switch to this one",
  },
};
