/* hearth-application.c
 *
 * Copyright 2026 The Hearth authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "hearth-application"

#include "config.h"

#include "hearth-application.h"

struct _HearthApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (HearthApplication, hearth_application, ADW_TYPE_APPLICATION)

static void
hearth_application_class_init (HearthApplicationClass *klass)
{
}

static void
hearth_application_init (HearthApplication *self)
{
}

HearthApplication *
hearth_application_new (void)
{
  return g_object_new (HEARTH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/hearthprof/Hearth",
                       NULL);
}
