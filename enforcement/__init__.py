"""行政执法质量三年行动 进度看板: data, queries and rules behind the dashboard."""
