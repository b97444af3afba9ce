-- The four event types every installation starts with; admins can add, rename and retire types.
INSERT INTO event_types (key, label) VALUES
  ('movie', 'Movies'),
  ('concert', 'Concerts'),
  ('sports', 'Sports'),
  ('theatre', 'Theatre')
ON CONFLICT (key) DO NOTHING;
