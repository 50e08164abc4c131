"""Good-practice knowledge base: read, validate, model and render a catalogue of practices."""
