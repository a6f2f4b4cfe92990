#pragma once
// The connection checks that only Schema=AuditLog needs: which token goes with which source, the
// account URL (Domain) the audit-log API lives under, and the authentication schemes that cannot
// read the audit log. Kept apart from settings.cpp so the AuditLog rules read in one place.

#include <string>
#include <string_view>

namespace monday::config {

struct Settings;

enum class AuthScheme;

enum class AuditLogSource;

// Schema=AuditLog reads the audit log with an admin's own tokens only: any other AuthScheme fails
// (08001) with a message naming the token to use for `source`.
void requireTokenAuthForAuditLog(AuthScheme scheme, AuditLogSource source);

// Completes and checks the AuditLog part of `settings` (schema already AuditLog): trims the pasted
// Domain (already checked to be an https:// or loopback URL; a missing one is the registry's
// business) to the API's base. Throws monday::Error: 08001 for an unusable Domain or an API
// version without the audit queries, 28000 for a missing token.
void checkAuditLogSettings(Settings& settings);

// "https://acme.monday.com/audit-api/get-logs/" → "https://acme.monday.com": the base the audit
// API paths are appended to. Exposed for unit tests.
std::string auditBaseUrl(std::string_view domain);

}  // namespace monday::config
