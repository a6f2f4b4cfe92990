#pragma once
// The one exception type the driver throws internally. It carries everything an ODBC diagnostic
// record needs, so the C boundary can turn any failure into SQLSTATE + message without guessing.

#include <exception>
#include <string>
#include <string_view>

namespace monday {

// SQLSTATEs the driver raises. Kept as named constants so a grep finds every place a state is
// chosen, and so a typo cannot invent a state.
namespace sqlstate {
inline constexpr std::string_view kGeneralWarning = "01000";
inline constexpr std::string_view kStringTruncated = "01004";
inline constexpr std::string_view kInvalidConnectionAttribute = "01S00";
inline constexpr std::string_view kOptionValueChanged = "01S02";
inline constexpr std::string_view kFetchBeforeFirstRowset = "01S06";  // Attempt to fetch before the result set returned the first rowset
inline constexpr std::string_view kFractionalTruncation = "01S07";
inline constexpr std::string_view kWrongNumberOfParameters = "07002";
inline constexpr std::string_view kNotACursorSpecification = "07005";  // Prepared statement not a cursor-specification
inline constexpr std::string_view kRestrictedDataType = "07006";
inline constexpr std::string_view kInvalidDescriptorIndex = "07009";
inline constexpr std::string_view kUnableToConnect = "08001";
inline constexpr std::string_view kConnectionInUse = "08002";
inline constexpr std::string_view kConnectionNotOpen = "08003";
inline constexpr std::string_view kCommunicationLinkFailure = "08S01";
inline constexpr std::string_view kStringRightTruncated = "22001";
inline constexpr std::string_view kIndicatorRequired = "22002";
inline constexpr std::string_view kNumericOutOfRange = "22003";
inline constexpr std::string_view kInvalidDatetimeFormat = "22007";
inline constexpr std::string_view kDatetimeOverflow = "22008";
inline constexpr std::string_view kInvalidCharacterValue = "22018";
inline constexpr std::string_view kIntegrityViolation = "23000";
inline constexpr std::string_view kInvalidCursorState = "24000";
inline constexpr std::string_view kInvalidTransactionState = "25000";
inline constexpr std::string_view kInvalidAuthorization = "28000";
inline constexpr std::string_view kInvalidCursorName = "34000";  // Invalid cursor name
inline constexpr std::string_view kDuplicateCursorName = "3C000";  // Duplicate cursor name
inline constexpr std::string_view kSyntaxErrorOrAccessViolation = "42000";
inline constexpr std::string_view kTableNotFound = "42S02";
inline constexpr std::string_view kColumnNotFound = "42S22";
inline constexpr std::string_view kGeneralError = "HY000";
inline constexpr std::string_view kMemoryAllocation = "HY001";
inline constexpr std::string_view kInvalidBufferType = "HY003";  // Invalid application buffer type
inline constexpr std::string_view kInvalidSqlDataType = "HY004";  // Invalid SQL data type
inline constexpr std::string_view kOperationCanceled = "HY008";
inline constexpr std::string_view kInvalidArgumentValue = "HY009";
inline constexpr std::string_view kFunctionSequenceError = "HY010";
inline constexpr std::string_view kAttributeCannotBeSetNow = "HY011";  // Attribute cannot be set now
inline constexpr std::string_view kInvalidTransactionOperation = "HY012";
inline constexpr std::string_view kCannotModifyIrd = "HY016";  // Cannot modify an implementation row descriptor
inline constexpr std::string_view kAutomaticDescriptorMisuse = "HY017";  // Invalid use of an automatically allocated descriptor handle
inline constexpr std::string_view kNonCharacterDataInPieces = "HY019";  // Non-character and non-binary data sent in pieces
inline constexpr std::string_view kInvalidAttributeValue = "HY024";  // Invalid attribute value
inline constexpr std::string_view kInvalidStringOrBufferLength = "HY090";
inline constexpr std::string_view kInvalidDescriptorFieldIdentifier = "HY091";
inline constexpr std::string_view kInvalidAttributeOptionIdentifier = "HY092";
inline constexpr std::string_view kInvalidInformationType = "HY096";
inline constexpr std::string_view kColumnTypeOutOfRange = "HY097";  // Column type out of range
inline constexpr std::string_view kUniquenessOptionOutOfRange = "HY100";  // Uniqueness option type out of range
inline constexpr std::string_view kInvalidParameterType = "HY105";  // Invalid parameter type
inline constexpr std::string_view kFetchTypeOutOfRange = "HY106";  // Fetch type out of range
inline constexpr std::string_view kRowValueOutOfRange = "HY107";  // Row value out of range
inline constexpr std::string_view kInvalidDriverCompletion = "HY110";  // Invalid driver completion
inline constexpr std::string_view kInvalidBookmarkValue = "HY111";  // Invalid bookmark value
inline constexpr std::string_view kOptionalFeatureNotImplemented = "HYC00";
inline constexpr std::string_view kTimeout = "HYT00";
inline constexpr std::string_view kConnectionTimeout = "HYT01";
inline constexpr std::string_view kDriverDoesNotSupport = "IM001";
inline constexpr std::string_view kDataSourceNotFound = "IM002";  // Data source name not found and no default driver specified
inline constexpr std::string_view kDialogFailed = "IM008";  // Dialog failed
}  // namespace sqlstate

class Error : public std::exception {
 public:
  Error(std::string_view state, std::string message, int native_code = 0)
      : state_(state), message_(std::move(message)), native_code_(native_code) {}

  const std::string& state() const noexcept { return state_; }
  const std::string& message() const noexcept { return message_; }
  int nativeCode() const noexcept { return native_code_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  std::string state_;
  std::string message_;
  int native_code_;
};

// A non-fatal condition to report as SQL_SUCCESS_WITH_INFO (for example an unknown connection
// string key). Collected, never thrown.
struct Warning {
  std::string state;
  std::string message;
};

}  // namespace monday
