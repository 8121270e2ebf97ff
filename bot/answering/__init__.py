"""The reply path, from an interaction to Discord, in one place.

dispatch   the entry point commands and menu picks call: answer, then show it
answers    command or question -> knowledge answer and its embed (cached); the only road
           to `knowledge` on the way to a reply
menus      disambiguation: pending questions and the select menu's options
attach     which picture an answer gets, drawn in time
delivery   send, edit or follow up within the 3-second deadline; failures nobody can fix
"""
