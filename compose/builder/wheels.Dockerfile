# The host's wheelhouse as an image, so the generic builder reads the wheels with
# COPY --from without anything written into the team's project folder (engine 20.10's
# BuildKit has no named build contexts). Context: the wheelhouse folder.
FROM scratch
COPY . /wheels/
