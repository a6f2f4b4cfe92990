// Every procedure the driver offers, one line each: PROCEDURE(Name) means procedures/<name>.cpp
// defines `ProcedureDef makeNameProcedure()`. SQLProcedures lists them in name order, whatever
// the order here. Included by registry.cpp only (an X-macro list, so adding a procedure cannot
// leave a declaration and a registration out of step).
PROCEDURE(AddFileToColumn)
PROCEDURE(AddFileToUpdate)
PROCEDURE(ArchiveBoard)
PROCEDURE(ArchiveGroup)
PROCEDURE(ArchiveItem)
PROCEDURE(ClearCache)
PROCEDURE(CreateNotification)
PROCEDURE(DownloadAsset)
PROCEDURE(DuplicateBoard)
PROCEDURE(DuplicateGroup)
PROCEDURE(DuplicateItem)
PROCEDURE(ExecuteGraphQL)
PROCEDURE(GetOAuthAccessToken)
PROCEDURE(GetOAuthAuthorizationURL)
PROCEDURE(MoveItemToBoard)
PROCEDURE(MoveItemToGroup)
PROCEDURE(RefreshOAuthAccessToken)
