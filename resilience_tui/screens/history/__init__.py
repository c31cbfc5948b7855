"""History: the journal read back, newest first; an entry's full page; search;
editing, deleting (with undo) and reopening a closed cool-down."""
