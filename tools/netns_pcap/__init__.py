"""Analysis of the pcaps and manifest written by the netns capture helper."""
