"""Corrections a user makes by hand: rename an entity, split an alias off it, mark a fact
wrong, remove a bogus entity (``removal``).

Each is a ``:Correction`` node that the store applies again after every load that touches
what it names, so reloading or re-extracting the documents does not undo it. Nothing here
deletes a fact: a fact marked wrong is held (with its evidence) in its correction until undone.
This package imports nothing at the top so that the store may import its parts.
"""
