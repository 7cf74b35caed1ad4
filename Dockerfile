# Mobilise in a container: production settings under gunicorn, static files by whitenoise.
# Build: docker build -t mobilise .   Run: see compose.yaml and docs/deployment.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    DJANGO_SETTINGS_MODULE=mobilise.config.settings.production \
    HOST=0.0.0.0 \
    PORT=8000

# Pango for WeasyPrint's PDFs; Node.js and npm to build the stylesheet.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation nodejs npm \
    && rm -rf /var/lib/apt/lists/* \
    && pip install --no-cache-dir uv

WORKDIR /app
COPY pyproject.toml uv.lock package.json package-lock.json ./
RUN uv sync --frozen --no-dev && npm ci --no-audit --no-fund
COPY . .
RUN mkdir -p build/static/css build/static/nhsuk \
    && npm run --silent build:css \
    && cp node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js* build/static/nhsuk/ \
    && cp -r node_modules/nhsuk-frontend/dist/nhsuk/assets build/static/nhsuk/ \
    && SECRET_KEY=build-only ALLOWED_HOSTS=build .venv/bin/python manage.py collectstatic --no-input -v0 \
    && useradd --create-home mobilise && chown -R mobilise /app
USER mobilise
EXPOSE 8000
CMD ["sh", "-c", ".venv/bin/python manage.py migrate --no-input && .venv/bin/python manage.py createcachetable && exec .venv/bin/gunicorn --config gunicorn.conf.py"]
