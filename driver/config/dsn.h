#pragma once
// Reads a data source's keys from odbc.ini through odbcinst (the driver manager's own INI
// reader, so ODBCINI/ODBCSYSINI and user/system DSNs resolve exactly as the DM resolves them).

#include <string_view>

#include "driver/config/connection_string.h"

namespace monday::config {

// Every key of the DSN's section; empty when the DSN does not exist.
AttributeMap readDsn(std::string_view dsn);

}  // namespace monday::config
