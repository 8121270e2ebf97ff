"""Front ends over `knowledge`: the Discord client and the offline terminal."""
