"""The application service: what the two faces (the command line and the app) ask of the
journal and the model, in one typed place."""
