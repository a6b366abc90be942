-- The task catalogue's tasks, learnt from the tasks topic, so a pilot naming a task that does not exist is refused.
create table known_task (
    task_id  uuid primary key,
    category varchar(80)
);
